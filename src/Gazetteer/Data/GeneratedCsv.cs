using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gazetteer.Data;

/// <summary>Writes the generated data files (<c>derived-names.csv</c>, <c>match-keys.csv</c>) in the dataset's CSV
/// dialect: header row, RFC 4180 quoting, LF line ends.</summary>
internal static class GeneratedCsv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }
        }

        return writer.ToString();
    }
}
