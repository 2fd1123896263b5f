using System.Globalization;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Cli.Validation;

namespace Gazetteer.Tests.Cli;

/// <summary>The appended cells that validate writes as one piece are exactly what the CSV writer would write cell by cell.</summary>
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
}
