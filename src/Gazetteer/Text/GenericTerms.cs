using Gazetteer.Data;
using Gazetteer.Utility;

namespace Gazetteer.Text;

/// <summary>The role a word plays in a division's full name.</summary>
internal enum TermRole
{
    /// <summary>The generic word: 县, County, Nahiyisi, ауданы …</summary>
    Generic,

    /// <summary>"Autonomous" before the generic word: Autonomous, Aptonom, автономиялық …</summary>
    Autonomous,

    /// <summary>The people an autonomous unit is named for: Mongol, Kazakh, 蒙古 …</summary>
    Ethnonym,
}

/// <summary>One generic term of <c>data/generic-terms.csv</c>.</summary>
internal sealed record GenericTerm(string Text, string Language, TermRole Role, IReadOnlyList<PlaceKind> Kinds, string[] FoldedWords, string FoldedText);

/// <summary>A name in Chinese characters split into its parts (<see cref="GenericTerms.SplitHan"/>).</summary>
/// <param name="Specific">The proper name: 塔什库尔干.</param>
/// <param name="Ethnonym">The ethnonym, possibly with 族: 塔吉克, 蒙古族; or null.</param>
/// <param name="Generic">The generic word, with any "autonomous" word before it: 自治县; or null.</param>
internal readonly record struct HanNameParts(string Specific, string? Ethnonym, string? Generic);

/// <summary>The generic words of division names in every language (<c>data/generic-terms.csv</c>), and the removal of
/// them from a full name: "Hébùkèsài'ěr Měnggǔ Zìzhìxiàn" → "Hébùkèsài'ěr", "和布克赛尔蒙古自治县" → "和布克赛尔".</summary>
/// <remarks>Immutable and thread-safe after construction.</remarks>
internal sealed class GenericTerms
{
    public static readonly string[] Header = ["term", "lang", "role", "kinds", "source", "note"];

    private readonly GenericTerm[] spaced;
    private readonly GenericTerm[] unspaced;

    private GenericTerms(List<GenericTerm> terms)
    {
        All = terms;
        spaced = [.. terms.Where(t => !Characters.IsAllHan(t.Text)).OrderByDescending(t => t.FoldedWords.Length).ThenByDescending(t => t.FoldedText.Length)];
        unspaced = [.. terms.Where(t => Characters.IsAllHan(t.Text)).OrderByDescending(t => t.Text.Length)];
    }

    public IReadOnlyList<GenericTerm> All { get; }

    public static GenericTerms Read(TextReader reader, string fileName, List<DataProblem> problems)
    {
        var terms = new List<GenericTerm>();
        foreach (var record in CsvTable.Read(reader, fileName, Header, problems))
        {
            var f = record.Fields;
            if (!Enum.TryParse<TermRole>(f[2], ignoreCase: true, out var role))
            {
                problems.Add(new DataProblem(fileName, record.Line, 3, "role", f[2], ErrorMessages.UnknownEnum(f[2], "role", ["generic", "autonomous", "ethnonym"])));
                continue;
            }

            var kinds = new List<PlaceKind>();
            foreach (var token in f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (DataVocabulary.TryParseKind(token, out var kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    problems.Add(new DataProblem(fileName, record.Line, 4, "kinds", token, ErrorMessages.UnknownEnum(token, "kind", DataVocabulary.KindNames)));
                }
            }

            var folded = NameNormalizer.Fold(f[0]);
            var words = NameNormalizer.Normalize(f[0]).Split(' ').Select(NameNormalizer.FoldNormalized).ToArray();
            terms.Add(new GenericTerm(f[0], f[1], role, kinds, words, folded));
        }

        return new GenericTerms(terms);
    }

    /// <summary>Removes the generic word, then "autonomous", then the ethnonym from the end of a full name.</summary>
    /// <returns>The bare name, or null when the name has no generic word or would be left empty.</returns>
    public string? Strip(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2)
        {
            var folded = words.Select(NameNormalizer.Fold).ToArray();
            var end = words.Length;
            end = StripWords(folded, end, TermRole.Generic);
            if (end == words.Length)
            {
                return null;
            }

            end = StripWords(folded, end, TermRole.Autonomous);
            end = StripWords(folded, end, TermRole.Ethnonym);
            return string.Join(' ', words, 0, end);
        }

        if (words.Length == 1 && Characters.IsAllHan(words[0]))
        {
            var text = words[0];
            var length = StripSuffix(text, text.Length, TermRole.Generic);
            if (length == text.Length)
            {
                return null;
            }

            length = StripSuffix(text, length, TermRole.Autonomous);
            length = StripSuffix(text, length, TermRole.Ethnonym);
            return text[..length];
        }

        return null;
    }

    /// <summary>Splits a name written in Chinese characters into its specific part and the ethnonym and generic word
    /// that end it: 塔什库尔干塔吉克自治县 → 塔什库尔干 | 塔吉克 | 自治县, 乌鲁木齐市 → 乌鲁木齐 | — | 市. An ethnonym
    /// followed by 族 ("nationality") keeps it: 博尔塔拉蒙古族自治州 → 博尔塔拉 | 蒙古族 | 自治州. As in
    /// <see cref="Strip"/>, an ethnonym is split off only before a generic word, and the specific part is never empty.</summary>
    /// <param name="name">A name in Chinese characters, without spaces.</param>
    /// <returns>The parts; <see cref="HanNameParts.Ethnonym"/> and <see cref="HanNameParts.Generic"/> are null when absent.</returns>
    public HanNameParts SplitHan(string name)
    {
        var genericStart = StripSuffix(name, name.Length, TermRole.Generic);
        if (genericStart == name.Length)
        {
            return new HanNameParts(name, null, null);
        }

        var autonomousStart = StripSuffix(name, genericStart, TermRole.Autonomous);
        var ethnonymStart = autonomousStart;
        if (autonomousStart > 1 && name[autonomousStart - 1] == '族')
        {
            var start = StripSuffix(name, autonomousStart - 1, TermRole.Ethnonym);
            if (start < autonomousStart - 1)
            {
                ethnonymStart = start;
            }
        }

        if (ethnonymStart == autonomousStart)
        {
            ethnonymStart = StripSuffix(name, autonomousStart, TermRole.Ethnonym);
        }

        return new HanNameParts(name[..ethnonymStart], ethnonymStart < autonomousStart ? name[ethnonymStart..autonomousStart] : null, name[autonomousStart..]);
    }

    private int StripWords(string[] folded, int end, TermRole role)
    {
        foreach (var term in spaced)
        {
            var n = term.FoldedWords.Length;
            if (term.Role != role || n >= end)
            {
                continue; // at least one word must remain
            }

            var matches = true;
            for (var i = 0; i < n && matches; i++)
            {
                matches = string.Equals(folded[end - n + i], term.FoldedWords[i], StringComparison.Ordinal);
            }

            if (matches)
            {
                return end - n;
            }
        }

        return end;
    }

    private int StripSuffix(string text, int length, TermRole role)
    {
        foreach (var term in unspaced)
        {
            if (term.Role == role && term.Text.Length < length && text.AsSpan(0, length).EndsWith(term.Text, StringComparison.Ordinal))
            {
                return length - term.Text.Length;
            }
        }

        return length;
    }

}
