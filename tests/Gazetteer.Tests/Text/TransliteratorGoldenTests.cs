using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Text;

/// <summary>Runs every golden table in <c>Golden/</c>: a file <c>FROM_TO.tsv</c> holds lines <c>input TAB expected</c>,
/// with <c>#</c> comments citing the source of each block. Adding coverage needs no C#.</summary>
public sealed class TransliteratorGoldenTests
{
    private static readonly string GoldenFolder = Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenFolder, "*.tsv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Transliterate_GoldenTable_EveryLineMatches(string table)
    {
        var pair = Path.GetFileNameWithoutExtension(table).Split('_');
        var failures = new List<string>();
        var count = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(GoldenFolder, table)))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            Assert.True(columns.Length == 2, $"{table} line {lineNumber}: expected 'input<TAB>expected'");
            count++;
            var actual = Transliterator.Transliterate(columns[0], pair[0], pair[1]);
            if (actual != columns[1])
            {
                failures.Add($"line {lineNumber}: '{columns[0]}' → '{actual}', expected '{columns[1]}'");
            }
        }

        Assert.True(count > 0, $"{table} has no test lines");
        Assert.True(failures.Count == 0, $"{table}: {failures.Count} of {count} lines differ:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Golden_EveryRuleFileHasAGoldenTable()
    {
        var tables = Directory.GetFiles(GoldenFolder, "*.tsv").Select(Path.GetFileNameWithoutExtension).ToHashSet();

        var missing = Transliterator.Rules.Transforms.Select(t => t.Id).Where(id => !tables.Contains(id)).ToList();

        Assert.Empty(missing);
    }
}
