using System.Globalization;

namespace Gazetteer.Utility;

/// <summary>Texts of data errors: one place, one style (location is added by <see cref="DataProblem"/>).</summary>
internal static class ErrorMessages
{
    public static string WrongHeader(string actual, string expected) =>
        F($"the header is '{actual}'. Expected exactly '{expected}'.");

    public static string EmptyFile() => "the file is empty. Expected a header row.";

    public static string FieldCount(int actual, int expected) =>
        F($"the record has {actual} fields. Expected {expected}, as in the header.");

    public static string BadQuote(string field) =>
        F($"quotes are unbalanced or misplaced in '{Clip(field)}'. Expected a field either unquoted or wholly enclosed in double quotes, with inner quotes doubled.");

    public static string BadCode(string value) =>
        F($"code '{value}' is malformed. Expected six digits, e.g. 654221.");

    public static string DuplicateCode(string value, int firstLine) =>
        F($"code '{value}' is a duplicate of line {firstLine}. Expected each code once.");

    public static string UnknownParent(string value) =>
        F($"parent '{value}' is not a code in places.csv. Expected the code of an existing division.");

    public static string NotNested(string code, string parent, string prefix) =>
        F($"code '{code}' is not nested under its parent '{parent}'. Expected a code starting with '{prefix}'.");

    public static string ParentLevel(string parent, PlaceLevel parentLevel, PlaceLevel level) =>
        F($"parent '{parent}' is a {Describe(parentLevel)}, which cannot contain a {Describe(level)}. Expected a parent of a higher level.");

    public static string MissingParent(PlaceLevel level) =>
        F($"the parent is empty. Expected the code of the division containing this {Describe(level)}.");

    public static string RegionWithParent(string value) =>
        F($"parent '{value}' is given for the region. Expected an empty parent.");

    public static string UnknownEnum(string value, string what, IEnumerable<string> allowed) =>
        F($"{what} '{value}' is not known. Expected one of: {string.Join(", ", allowed)}.");

    public static string KindLevel(string kind, string level) =>
        F($"kind '{kind}' does not belong to level '{level}'. Expected a kind of that level.");

    public static string BadBoolean(string value) => F($"'{value}' is not a boolean. Expected 'true' or 'false'.");

    public static string BadDate(string value) =>
        F($"date '{value}' is malformed. Expected an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD.");

    public static string DatesOutOfOrder(string from, string to) =>
        F($"valid_from '{from}' is after valid_to '{to}'. Expected an ordered interval.");

    public static string UnknownSuccessor(string value) =>
        F($"successor '{value}' is not a code in places.csv. Expected codes of existing divisions separated by ';'.");

    public static string SuccessorWithoutEnd() =>
        "a successor is given but valid_to is empty. Expected valid_to for a division that was replaced.";

    public static string MissingRequired(string column) =>
        F($"the {column} is empty. Expected a value: every division needs one.");

    public static string MissingSource() => "the source is empty. Expected the URL or document every value comes from.";

    public static string UnknownLanguage(string value) =>
        F($"language tag '{value}' is not known. Expected a tag listed in data/languages.csv.");

    public static string MalformedLanguage(string value) =>
        F($"language tag '{value}' is malformed. Expected a BCP 47 tag such as 'ug-Arab' or 'kk-Cyrl'.");

    public static string WrongScript(string value, string tag, string script, string found, int offset) =>
        F($"'{Clip(value)}' has a letter of script {found} at character {offset + 1}, but {tag} is written in {script}. Expected text in the script of its tag.");

    public static string LookAlike(string value, int codePoint, int offset, string expected) =>
        F($"'{Clip(value)}' has the look-alike character U+{codePoint:X4} at character {offset + 1}. Expected {expected}.");

    public static string NotNfc(string value) => F($"'{Clip(value)}' is not in Unicode NFC. Expected NFC text.");

    public static string SurroundingSpace(string value) =>
        F($"'{Clip(value)}' has leading, trailing or repeated white space. Expected single spaces between words.");

    public static string DuplicateName(string name, string lang, int firstLine) =>
        F($"name '{name}' ({lang}) is listed twice for this division, first at line {firstLine}. Expected each (code, name, lang) once.");

    public static string UnknownNameCode(string value) =>
        F($"code '{value}' is not a code in places.csv. Expected the code of an existing division.");

    public static string InvalidUtf8(int byteColumn) =>
        F($"the bytes at byte {byteColumn} of the line are not valid UTF-8. Expected UTF-8 text.");

    public static string Unreadable(string detail) => F($"the file cannot be read: {detail}");

    public static string MissingFile(string path) => F($"file '{path}' does not exist. Expected places.csv and names.csv in the folder.");

    private static string Describe(PlaceLevel level) => level switch
    {
        PlaceLevel.Region => "region",
        PlaceLevel.Prefecture => "prefecture-level division",
        _ => "county-level division",
    };

    private static string Clip(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
