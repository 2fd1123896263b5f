using System.Globalization;
using CsvHelper;

namespace Gazetteer.Text;

/// <summary><c>data/match-keys.csv</c>: the match key of every indexed name of the built-in data, generated from the
/// rule files (a test fails when it is stale).</summary>
internal static class MatchKeyFile
{
    public const string FileName = "match-keys.csv";

    public static readonly string[] Header = ["name", "lang", "key"];

    public static string Write(PlaceCatalog catalog)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var column in Header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var (text, language) in catalog.Forms.Select(f => (f.Name.Text, f.Name.Language)).Distinct().OrderBy(f => f.Language, StringComparer.Ordinal).ThenBy(f => f.Text, StringComparer.Ordinal))
            {
                csv.WriteField(text);
                csv.WriteField(language);
                csv.WriteField(MatchKey.ForName(text, language));
                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}
