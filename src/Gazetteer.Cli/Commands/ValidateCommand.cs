using System.CommandLine;
using System.Globalization;
using Gazetteer.Cli.Validation;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer validate INPUT --column NAME</c>: resolve one column of a CSV file, row by row, and append the
/// canonical division of each value.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The CSV file to check, or '-' for standard input." };
        var column = new Option<string>("--column", "-c")
        {
            Description = "The column holding the place names: its name in the header, or with --no-header its 1-based position.",
            HelpName = "name|n",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the CSV to this file instead of standard output.", HelpName = "file" };
        var report = new Option<string?>("--report") { Description = "Also write a JSON report (counts, frequent problem values, malformed lines) to this file.", HelpName = "file" };
        var delimiter = new Option<string>("--delimiter", "-d")
        {
            Description = "Field delimiter: one character, or \\t (or 'tab') for tab.",
            DefaultValueFactory = _ => ",",
            HelpName = "char",
        };
        var encoding = new Option<string>("--encoding")
        {
            Description = $"Encoding of the input; a byte order mark overrides it. One of: {InputEncoding.SupportedNames}.",
            DefaultValueFactory = _ => "utf-8",
            HelpName = "name",
        };
        var noHeader = new Option<bool>("--no-header") { Description = "The input has no header line: every line is a row and --column is a 1-based position." };
        var asOf = new Option<string?>("--as-of") { Description = "Date the names refer to (YYYY-MM-DD): divisions that existed then rank first.", HelpName = "date" };
        var minScore = new Option<double>("--min-score") { Description = "Ignore matches scoring below this, from 0 to 1.", HelpName = "score" };
        var candidates = new Option<int>("--candidates")
        {
            Description = "How many codes gazetteer_candidates lists for ambiguous, fuzzy and unresolved rows.",
            DefaultValueFactory = _ => 3,
            HelpName = "n",
        };
        var level = new Option<string[]>("--level")
        {
            Description = "Only divisions of this level (repeat for several): region, prefecture or county.",
            HelpName = "region|prefecture|county",
        };
        level.AcceptOnlyFromAmong("region", "prefecture", "county");
        var strict = new Option<bool>("--strict")
        {
            Description = "Check the whole input first and fail with exit code 3, writing nothing, if any record is malformed.",
        };
        var command = new Command("validate", """
            Resolve a column of place names in a CSV file, row by row, to canonical divisions. Every input row is
            written, in order, with all its fields unchanged, followed by the columns gazetteer_code, gazetteer_status
            (resolved, ambiguous, historical, unresolved, empty or malformed), gazetteer_score, gazetteer_name_zh,
            gazetteer_name_en, gazetteer_name_ug, gazetteer_matched (the name that matched and its language) and
            gazetteer_candidates (top codes, '|'-separated, for ambiguous, fuzzy and unresolved rows; the successors for
            historical rows). Cells we write that begin with = + - @ TAB or CR get a leading '. Malformed records
            (bad quoting, a quote never closed, more or fewer fields than the header, bytes invalid in the encoding)
            pass through with status malformed and their line in the summary; --strict refuses them instead. Reads
            and writes as a stream; a summary goes to standard error, a progress bar too when it is a terminal.
            Examples:
              gazetteer validate places.csv --column place > checked.csv
              gazetteer validate places.csv --column place --output checked.csv --report report.json
              gazetteer validate - --column 2 --no-header --delimiter ';' < export.csv
              gazetteer validate survey.tsv --column county --delimiter '\t' --level county --strict
            Exit codes: 0 every row resolved, historical or empty; 1 some rows unresolved, ambiguous or malformed;
            2 usage error (including a missing column); 3 malformed input with --strict, an empty input or a
            malformed header, a read or write failure, or a data error.
            """)
        {
            input,
            column,
            output,
            report,
            delimiter,
            encoding,
            noHeader,
            asOf,
            minScore,
            candidates,
            level,
            strict,
        };
        command.SetAction(result =>
        {
            var catalog = GazetteerCli.Catalog(result);
            var hasHeader = !result.GetValue(noHeader);
            var columnText = result.GetValue(column)!;
            var settings = new ValidateSettings
            {
                Input = result.GetValue(input)!,
                Output = result.GetValue(output),
                Report = result.GetValue(report),
                Column = columnText,
                ColumnIndex = hasHeader ? null : ParseIndex(columnText),
                Delimiter = ParseDelimiter(result.GetValue(delimiter)!),
                Encoding = InputEncoding.TryParse(result.GetValue(encoding)!, out var parsed)
                    ? parsed
                    : throw new UserErrorException($"--encoding: '{result.GetValue(encoding)}' is not supported. Expected one of: {InputEncoding.SupportedNames}."),
                Candidates = CheckCandidates(result.GetValue(candidates)),
                Strict = result.GetValue(strict),
                Search = new SearchOptions
                {
                    MinScore = CheckScore(result.GetValue(minScore)),
                    AsOf = ParseDate(result.GetValue(asOf)),
                    Levels = result.GetValue(level) is { Length: > 0 } levels ? [.. levels.Select(ParseLevel).Distinct()] : null,
                },
            };
            return CsvValidator.Run(console, catalog, settings);
        });
        return command;
    }

    /// <summary>Reads <c>--delimiter</c>: one character other than a quote or a line break; <c>\t</c> or <c>tab</c> for a
    /// tab.</summary>
    internal static char ParseDelimiter(string text) => text switch
    {
        "\\t" or "tab" or "TAB" => '\t',
        { Length: 1 } when text[0] is not ('"' or '\r' or '\n') => text[0],
        _ => throw new UserErrorException($"--delimiter: '{text}' is not a delimiter. Expected one character other than a quote or line break, e.g. ',', ';', '|' or \\t (tab)."),
    };

    private static int CheckCandidates(int count) =>
        count >= 1 ? count : throw new UserErrorException($"--candidates: {count} is not a positive number.");

    private static double CheckScore(double score) =>
        score is >= 0 and <= 1 ? score : throw new UserErrorException($"--min-score: {score.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1.");

    private static int ParseIndex(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1
            ? index
            : throw new UserErrorException($"--column: '{text}' is not a column position. With --no-header, --column is the 1-based position of the column (1, 2, …).");

    private static DateOnly? ParseDate(string? text) =>
        text is null
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new UserErrorException($"--as-of: '{text}' is not a date of the form YYYY-MM-DD.");

    private static PlaceLevel ParseLevel(string token) =>
        DataTokens.TryParseLevel(token, out var level) ? level : throw new UserErrorException($"--level: '{token}' is not a level. Expected region, prefecture or county.");
}
