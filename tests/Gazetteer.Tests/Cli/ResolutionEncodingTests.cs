using System.Globalization;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Cli.Validation;

namespace Gazetteer.Tests.Cli;

/// <summary>validate's own CSV output, and the appended cells it writes as one piece, are exactly what CsvHelper's writer
/// writes with the same configuration.</summary>
public sealed class ResolutionEncodingTests
{
    [Property(MaxTest = 300)]
    public bool Encoded_AnyCells_EqualsTheCsvWriter(NonNull<string>[] cells, bool semicolon)
    {
        var delimiter = semicolon ? ';' : ',';
        var columns = cells.Select(c => c.Get).Append("a \"quoted\", spaced ").Append(" lead").Append("line\nbreak").ToArray();
        var resolution = new Resolution(RowStatus.Unresolved, columns, []);

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CsvValidator.OutputConfiguration(delimiter)))
        {
            foreach (var cell in columns)
            {
                csv.WriteField(cell);
            }
        }

        return resolution.Encoded(delimiter) == text.ToString() && resolution.Encoded(delimiter) == text.ToString();
    }

    [Property(MaxTest = 300)]
    public bool CsvOutput_AnyRecords_EqualsTheCsvWriter(NonNull<string>[][] records, bool semicolon)
    {
        var delimiter = semicolon ? ';' : ',';
        using var ours = new StringWriter(CultureInfo.InvariantCulture);
        using var theirs = new StringWriter(CultureInfo.InvariantCulture);
        var output = new CsvOutput(ours, delimiter);
        using (var csv = new CsvWriter(theirs, CsvValidator.OutputConfiguration(delimiter)))
        {
            foreach (var record in records)
            {
                foreach (var field in record.Select(f => f.Get).Append(" x\"y,z\n "))
                {
                    output.WriteField(field);
                    csv.WriteField(field);
                }

                output.NextRecord();
                csv.NextRecord();
            }
        }

        return ours.ToString() == theirs.ToString();
    }
}
