using System.Text.RegularExpressions;
using Gazetteer.Data;
using Gazetteer.Text;

namespace Gazetteer.Search;

/// <summary>A query split into its parts: the name, other names given for the same place in brackets, and the places
/// that contain it (after commas, or before it in a Chinese address written together).</summary>
/// <param name="Main">The name.</param>
/// <param name="Alternates">Other names given in brackets.</param>
/// <param name="Parents">Places that contain it.</param>
/// <param name="Whole">The whole query unsplit, for names that themselves contain brackets or commas.</param>
internal readonly record struct QueryParts(string Main, IReadOnlyList<string> Alternates, IReadOnlyList<string> Parents, string Whole);

/// <summary>Reads qualified and dual forms: "Dorbiljin (Emin) county", "Emin（Dorbiljin）Xian", "Sawen, Tarbaghatay",
/// "Tarbaghatay (in Chinese, Tacheng) prefecture", "新疆塔城地区额敏县".</summary>
internal static partial class QueryReader
{
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("(),（），、");

    public static QueryParts Read(string query, Func<string, bool> isKnownHanName)
    {
        if (!query.AsSpan().ContainsAny(Separators) && !(query.Length >= 4 && Characters.IsAllHan(query)))
        {
            return new QueryParts(query, [], [], query); // one name, nothing to split
        }

        var text = query.Replace('（', '(').Replace('）', ')').Replace('，', ',').Replace('、', ',');
        var alternates = new List<string>();
        foreach (Match group in BracketGroup().Matches(text))
        {
            var inner = Introduction().Replace(group.Groups[1].Value.Trim(), string.Empty).Trim();
            if (inner.Length > 0)
            {
                alternates.Add(inner);
            }
        }

        var main = Spaces().Replace(BracketGroup().Replace(text, " "), " ").Trim();
        var parts = main.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parents = new List<string>();
        if (parts.Length > 1)
        {
            main = parts[0];
            parents.AddRange(parts.Skip(1));
        }
        else if (parts.Length == 1)
        {
            main = parts[0];
        }

        if (Characters.IsAllHan(main) && main.Length >= 4)
        {
            // A Chinese address written together: the longest known name at the end is the place, the rest contains it.
            var (place, rest) = SplitHanAddress(main, isKnownHanName);
            if (rest.Length > 0)
            {
                main = place;
                while (rest.Length > 0)
                {
                    var (parent, before) = SplitHanAddress(rest, isKnownHanName);
                    if (parent == rest)
                    {
                        parents.Add(rest);
                        break;
                    }

                    parents.Add(parent);
                    rest = before;
                }
            }
        }

        return new QueryParts(main, alternates, parents, query);
    }

    private static (string Place, string Before) SplitHanAddress(string text, Func<string, bool> isKnown)
    {
        for (var start = 0; start < text.Length - 1; start++)
        {
            var candidate = text[start..];
            if (isKnown(candidate))
            {
                return (candidate, text[..start]);
            }
        }

        return (text, string.Empty);
    }

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex BracketGroup();

    [GeneratedRegex(@"^(in\s+[\p{L}]+\s*[,:]?\s*|also\s+(called\s+|known\s+as\s+)?|aka\s+|or\s+|formerly\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex Introduction();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Grammatical endings (<c>data/case-suffixes.csv</c>) that search strips when a whole word does not match.</summary>
internal sealed class CaseSuffixes
{
    public static readonly string[] Header = ["suffix", "lang", "case", "source"];

    private readonly (string Suffix, string Language)[] suffixes;

    /// <param name="suffixes">The suffixes, longest first, normalised.</param>
    private CaseSuffixes(IReadOnlyList<(string Suffix, string Language)> suffixes) => this.suffixes = [.. suffixes];

    public static CaseSuffixes Read(TextReader reader, List<DataProblem> problems)
    {
        var list = CsvTable.Read(reader, "case-suffixes.csv", Header, problems)
            .Select(r => (NameNormalizer.Normalize(r.Fields[0]), r.Fields[1]))
            .Where(s => s.Item1.Length > 0)
            .OrderByDescending(s => s.Item1.Length)
            .ToList();
        return new CaseSuffixes(list);
    }

    /// <summary>The stems of a normalised word once an ending is removed (Russian stems also with -а restored), added to
    /// <paramref name="stems"/>.</summary>
    public void Stems(string word, List<(string Stem, string Suffix)> stems)
    {
        foreach (var (suffix, language) in suffixes)
        {
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                stems.Add((stem, suffix));
                if (language == "ru")
                {
                    stems.Add((stem + "а", suffix));
                }
            }
        }
    }
}
