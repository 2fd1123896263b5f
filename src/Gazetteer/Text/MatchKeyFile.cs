using Gazetteer.Data;

namespace Gazetteer.Text;

/// <summary><c>data/match-keys.csv</c>: the match key of every indexed name of the built-in data, generated from the
/// rule files (a test fails when it is stale).</summary>
internal static class MatchKeyFile
{
    public const string FileName = "match-keys.csv";

    public static readonly string[] Header = ["name", "lang", "key"];

    public static string Write(PlaceCatalog catalog) =>
        GeneratedCsv.Write(
            Header,
            catalog.Forms.Select(f => (f.Name.Text, f.Name.Language)).Distinct()
                .OrderBy(f => f.Language, StringComparer.Ordinal).ThenBy(f => f.Text, StringComparer.Ordinal)
                .Select(f => new[] { f.Text, f.Language, MatchKey.ForName(f.Text, f.Language) }));
}
