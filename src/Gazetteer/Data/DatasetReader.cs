using System.Text.RegularExpressions;
using Gazetteer.Text;
using Gazetteer.Utility;

namespace Gazetteer.Data;

/// <summary>Reads and checks <c>places.csv</c> and <c>names.csv</c> as a whole: every problem of every row is collected,
/// and nothing is built unless there are none.</summary>
internal sealed partial class DatasetReader
{
    private const string PlacesFile = "places.csv";
    private const string NamesFile = "names.csv";

    private readonly LanguageRegistry languages;
    private readonly List<DataProblem> problems = [];

    public DatasetReader(LanguageRegistry languages) => this.languages = languages;

    /// <summary>Reads both files; throws <see cref="GazetteerDataException"/> listing every problem found.</summary>
    public IReadOnlyList<Place> Read(TextReader places, TextReader names)
    {
        var drafts = ReadPlaces(places, out var rejectedCodes);
        var byCode = new Dictionary<string, PlaceDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            byCode.TryAdd(draft.Code, draft);
        }

        CheckHierarchy(drafts, byCode);
        ReadNames(names, byCode, rejectedCodes);
        if (problems.Count > 0)
        {
            throw new GazetteerDataException([.. problems.OrderBy(p => p.FileName == NamesFile).ThenBy(p => p.Line).ThenBy(p => p.Column)]);
        }

        return [.. drafts.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => d.Build())];
    }

    private List<PlaceDraft> ReadPlaces(TextReader reader, out HashSet<string> rejectedCodes)
    {
        var drafts = new List<PlaceDraft>();
        rejectedCodes = new HashSet<string>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, PlacesFile, DataVocabulary.PlacesHeader, problems, rejectedCodes))
        {
            var f = record.Fields;
            var line = record.Line;
            var before = problems.Count;

            var code = f[0];
            if (!CodePattern().IsMatch(code))
            {
                Problem(PlacesFile, line, 0, code, ErrorMessages.BadCode(code));
            }
            else if (firstLine.TryGetValue(code, out var first))
            {
                Problem(PlacesFile, line, 0, code, ErrorMessages.DuplicateCode(code, first));
            }
            else
            {
                firstLine[code] = line;
            }

            var parent = f[1];
            if (parent.Length > 0 && !CodePattern().IsMatch(parent))
            {
                Problem(PlacesFile, line, 1, parent, ErrorMessages.BadCode(parent));
            }

            if (!DataVocabulary.TryParseLevel(f[2], out var level))
            {
                Problem(PlacesFile, line, 2, f[2], ErrorMessages.UnknownEnum(f[2], "level", DataVocabulary.LevelNames));
            }

            if (!DataVocabulary.TryParseKind(f[3], out var kind))
            {
                Problem(PlacesFile, line, 3, f[3], ErrorMessages.UnknownEnum(f[3], "kind", DataVocabulary.KindNames));
            }
            else if (problems.Count == before && DataVocabulary.LevelOf(kind) != level)
            {
                Problem(PlacesFile, line, 3, f[3], ErrorMessages.KindLevel(f[3], f[2]));
            }

            var xpcc = f[4] switch { "true" => true, "false" => false, _ => (bool?)null };
            if (xpcc is null)
            {
                Problem(PlacesFile, line, 4, f[4], ErrorMessages.BadBoolean(f[4]));
            }

            var validFrom = ParseDate(PlacesFile, line, 5, f[5]);
            var validTo = ParseDate(PlacesFile, line, 6, f[6]);
            if (validFrom is { } from && validTo is { } to && from > to)
            {
                Problem(PlacesFile, line, 6, f[6], ErrorMessages.DatesOutOfOrder(f[5], f[6]));
            }

            var successors = f[7].Length == 0 ? [] : f[7].Split(';');
            foreach (var successor in successors)
            {
                if (!CodePattern().IsMatch(successor))
                {
                    Problem(PlacesFile, line, 7, successor, ErrorMessages.BadCode(successor));
                }
            }

            if (successors.Length > 0 && validTo is null)
            {
                Problem(PlacesFile, line, 7, f[7], ErrorMessages.SuccessorWithoutEnd());
            }

            var source = f[16];
            if (source.Trim().Length == 0)
            {
                Problem(PlacesFile, line, 16, source, ErrorMessages.MissingSource());
            }

            var names = new List<PlaceName>();
            for (var i = 0; i < DataVocabulary.NameColumns.Length; i++)
            {
                var (column, language, nameKind, scheme, required) = DataVocabulary.NameColumns[i];
                var index = 8 + i;
                var text = f[index];
                if (text.Length == 0)
                {
                    if (required)
                    {
                        Problem(PlacesFile, line, index, text, ErrorMessages.MissingRequired(column));
                    }

                    continue;
                }

                CheckText(PlacesFile, line, index, text, language);
                names.Add(new PlaceName { Text = text, Language = language, Kind = nameKind, Scheme = scheme, Source = source, Field = column });
            }

            if (problems.Count == before)
            {
                drafts.Add(new PlaceDraft(line, code, parent.Length == 0 ? null : parent, level, kind, xpcc!.Value, validFrom, validTo, successors, names, source, f[17].Length == 0 ? null : f[17]));
            }
            else
            {
                rejectedCodes.Add(code);
            }
        }

        return drafts;
    }

    private void CheckHierarchy(List<PlaceDraft> drafts, Dictionary<string, PlaceDraft> byCode)
    {
        foreach (var draft in drafts)
        {
            if (draft.Level == PlaceLevel.Region)
            {
                if (draft.Parent is not null)
                {
                    Problem(PlacesFile, draft.Line, 1, draft.Parent, ErrorMessages.RegionWithParent(draft.Parent));
                }
            }
            else if (draft.Parent is null)
            {
                Problem(PlacesFile, draft.Line, 1, string.Empty, ErrorMessages.MissingParent(draft.Level));
            }
            else if (!byCode.TryGetValue(draft.Parent, out var parent))
            {
                Problem(PlacesFile, draft.Line, 1, draft.Parent, ErrorMessages.UnknownParent(draft.Parent));
            }
            else if (parent.Level >= draft.Level && !IsPrefectureUnderAutonomousPrefecture(parent, draft))
            {
                Problem(PlacesFile, draft.Line, 1, draft.Parent, ErrorMessages.ParentLevel(draft.Parent, parent.Level, draft.Level));
            }
            else
            {
                // A prefecture under an autonomous prefecture (Tacheng and Altay under Ili) keeps a code of its own
                // within the region, not within its parent's block.
                var prefix = parent.Level == PlaceLevel.Region || draft.Level == PlaceLevel.Prefecture ? parent.Code[..2] : parent.Code[..4];
                if (!draft.Code.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Problem(PlacesFile, draft.Line, 0, draft.Code, ErrorMessages.NotNested(draft.Code, draft.Parent, prefix));
                }
            }

            foreach (var successor in draft.Successors)
            {
                if (!byCode.ContainsKey(successor))
                {
                    Problem(PlacesFile, draft.Line, 7, successor, ErrorMessages.UnknownSuccessor(successor));
                }
            }
        }
    }

    /// <summary>Ili Kazakh Autonomous Prefecture administers two prefectures (Tacheng and Altay): the one case in which a
    /// prefecture-level unit contains prefecture-level units.</summary>
    private static bool IsPrefectureUnderAutonomousPrefecture(PlaceDraft parent, PlaceDraft child) =>
        parent.Kind == PlaceKind.AutonomousPrefecture && child.Kind == PlaceKind.Prefecture;

    private void ReadNames(TextReader reader, Dictionary<string, PlaceDraft> byCode, HashSet<string> rejectedCodes)
    {
        var seen = new Dictionary<(string Code, string Name, string Lang), int>();
        foreach (var draft in byCode.Values)
        {
            foreach (var name in draft.Names)
            {
                seen.TryAdd((draft.Code, name.Text, name.Language), draft.Line);
            }
        }

        foreach (var record in CsvTable.Read(reader, NamesFile, DataVocabulary.NamesHeader, problems))
        {
            var f = record.Fields;
            var line = record.Line;
            var before = problems.Count;
            var code = f[0];
            PlaceDraft? place = null;
            if (!CodePattern().IsMatch(code))
            {
                Problem(NamesFile, line, 0, code, ErrorMessages.BadCode(code));
            }
            else if (!byCode.TryGetValue(code, out place) && !rejectedCodes.Contains(code))
            {
                Problem(NamesFile, line, 0, code, ErrorMessages.UnknownNameCode(code));
            }

            var text = f[1];
            var language = f[2];
            if (text.Length == 0)
            {
                Problem(NamesFile, line, 1, text, ErrorMessages.MissingRequired("name"));
            }

            if (!LanguageRegistry.IsWellFormed(language))
            {
                Problem(NamesFile, line, 2, language, ErrorMessages.MalformedLanguage(language));
            }
            else if (!languages.TryGetScript(language, out _))
            {
                Problem(NamesFile, line, 2, language, ErrorMessages.UnknownLanguage(language));
            }
            else if (text.Length > 0)
            {
                CheckText(NamesFile, line, 1, text, language);
            }

            if (!DataVocabulary.TryParseNameKind(f[3], out var kind))
            {
                Problem(NamesFile, line, 3, f[3], ErrorMessages.UnknownEnum(f[3], "name kind", DataVocabulary.NameKindNames));
            }

            var validFrom = ParseDate(NamesFile, line, 5, f[5]);
            var validTo = ParseDate(NamesFile, line, 6, f[6]);
            if (validFrom is { } from && validTo is { } to && from > to)
            {
                Problem(NamesFile, line, 6, f[6], ErrorMessages.DatesOutOfOrder(f[5], f[6]));
            }

            if (f[7].Trim().Length == 0)
            {
                Problem(NamesFile, line, 7, f[7], ErrorMessages.MissingSource());
            }

            if (place is not null && text.Length > 0 && !seen.TryAdd((code, text, language), line))
            {
                Problem(NamesFile, line, 1, text, ErrorMessages.DuplicateName(text, language, seen[(code, text, language)]));
            }

            if (problems.Count == before && place is not null)
            {
                place.Names.Add(new PlaceName
                {
                    Text = text,
                    Language = language,
                    Kind = kind,
                    Scheme = f[4].Length == 0 ? null : f[4],
                    ValidFrom = validFrom,
                    ValidTo = validTo,
                    Source = f[7],
                    Note = f[8].Length == 0 ? null : f[8],
                });
            }
        }
    }

    private void CheckText(string file, int line, int index, string text, string language)
    {
        if (text.Trim().Length != text.Length || text.Contains("  ", StringComparison.Ordinal))
        {
            Problem(file, line, index, text, ErrorMessages.SurroundingSpace(text));
        }

        if (!ScriptCheck.IsNfc(text))
        {
            Problem(file, line, index, text, ErrorMessages.NotNfc(text));
        }

        if (languages.TryGetScript(language, out var script) && ScriptCheck.FindForeignLetter(text, script) is { } foreign)
        {
            Problem(file, line, index, text, ErrorMessages.WrongScript(text, language, script, foreign.Script, foreign.Offset));
        }

        if (ScriptCheck.FindLookAlike(text, language) is { } lookAlike)
        {
            Problem(file, line, index, text, ErrorMessages.LookAlike(text, lookAlike.CodePoint, lookAlike.Offset, lookAlike.Expected));
        }
    }

    private PartialDate? ParseDate(string file, int line, int index, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Problem(file, line, index, text, ErrorMessages.BadDate(text));
        return null;
    }

    private void Problem(string file, int line, int index, string? value, string message)
    {
        var header = file == PlacesFile ? DataVocabulary.PlacesHeader : DataVocabulary.NamesHeader;
        problems.Add(new DataProblem(file, line, index + 1, header[index], value, message));
    }

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private sealed record PlaceDraft(
        int Line,
        string Code,
        string? Parent,
        PlaceLevel Level,
        PlaceKind Kind,
        bool Xpcc,
        PartialDate? ValidFrom,
        PartialDate? ValidTo,
        string[] Successors,
        List<PlaceName> Names,
        string Source,
        string? Note)
    {
        public Place Build() => new(Code, Parent, Level, Kind, Xpcc, ValidFrom, ValidTo, Successors, Names.AsReadOnly(), Source, Note);
    }
}
