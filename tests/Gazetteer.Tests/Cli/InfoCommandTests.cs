using System.Text.Json;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class InfoCommandTests
{
    private static readonly string ValidFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", "valid");

    public static TheoryData<string?> Folders => new() { null, ValidFixture };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Json_NumbersEqualTheCataloguesOwn(string? folder)
    {
        var catalog = folder is null ? PlaceCatalog.Default : PlaceCatalog.FromDirectory(folder);
        string[] args = folder is null ? ["info", "--json"] : ["info", "--json", "--data", folder];

        var (exit, output, error) = CliRunner.Run(args);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(catalog.DataVersion, root.GetProperty("data_version").GetString());

        var current = catalog.Places.Where(p => !p.IsHistorical).ToList();
        var divisions = root.GetProperty("divisions");
        Assert.Equal(current.Count, divisions.GetProperty("total").GetProperty("current").GetInt32());
        Assert.Equal(catalog.Places.Count(p => p.IsHistorical), divisions.GetProperty("total").GetProperty("historical").GetInt32());
        foreach (var level in Enum.GetValues<PlaceLevel>())
        {
            var counts = divisions.GetProperty("by_level").GetProperty(level.ToToken());
            Assert.Equal(current.Count(p => p.Level == level), counts.GetProperty("current").GetInt32());
            Assert.Equal(catalog.Places.Count(p => p.IsHistorical && p.Level == level), counts.GetProperty("historical").GetInt32());
        }

        foreach (var kind in Enum.GetValues<PlaceKind>())
        {
            var counts = divisions.GetProperty("by_kind").GetProperty(kind.ToToken());
            Assert.Equal(current.Count(p => p.Kind == kind), counts.GetProperty("current").GetInt32());
            Assert.Equal(catalog.Places.Count(p => p.IsHistorical && p.Kind == kind), counts.GetProperty("historical").GetInt32());
        }

        var names = root.GetProperty("names");
        var attested = catalog.Places.SelectMany(p => p.Names).ToList();
        Assert.Equal(attested.Count, names.GetProperty("attested").GetInt32());
        var byLanguage = names.GetProperty("by_language").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(attested.GroupBy(n => n.Language).ToDictionary(g => g.Key, g => g.Count()), byLanguage);
        var derived = catalog.Places.SelectMany(p => catalog.GetDerivedNames(p.Code)).ToList();
        Assert.Equal(derived.Count, names.GetProperty("derived").GetProperty("total").GetInt32());
        Assert.Equal(catalog.Derived.Count, names.GetProperty("derived").GetProperty("transliterated").GetInt32());
        Assert.Equal(derived.Count(n => n.Origin == NameOrigin.GenericTermRemoved), names.GetProperty("derived").GetProperty("generic-term-removed").GetInt32());

        var coverage = root.GetProperty("coverage");
        Assert.Equal(["zh", "pinyin", "en", "ug_arab", "ug_latn", "gnc", "kk_arab", "kk_cyrl"], coverage.EnumerateObject().Select(p => p.Name));
        foreach (var column in coverage.EnumerateObject())
        {
            Assert.Equal(current.Count(p => p.Names.Any(n => n.Field == column.Name)), column.Value.GetProperty("filled").GetInt32());
            Assert.Equal(current.Count, column.Value.GetProperty("total").GetInt32());
        }

        var pairs = root.GetProperty("transliteration_pairs").EnumerateArray()
            .Select(p => $"{p.GetProperty("from").GetString()} {p.GetProperty("to").GetString()} {string.Join('+', p.GetProperty("steps").EnumerateArray().Select(s => s.GetString()))}");
        Assert.Equal(Transliterator.SupportedPairs.Select(p => $"{p.From} {p.To} {string.Join('+', p.Steps)}"), pairs);
    }

    [Fact]
    public void Json_BuiltInData_CoversEveryCurrentDivisionInChineseAndEnglish()
    {
        var (_, output, _) = CliRunner.Run("info", "--json");

        using var json = JsonDocument.Parse(output);
        var coverage = json.RootElement.GetProperty("coverage");
        Assert.Equal(125, coverage.GetProperty("zh").GetProperty("total").GetInt32());
        Assert.Equal(125, coverage.GetProperty("zh").GetProperty("filled").GetInt32());
        Assert.Equal(125, coverage.GetProperty("en").GetProperty("filled").GetInt32());
    }

    [Fact]
    public void Text_ShowsVersionCountsCoverageAndPairs()
    {
        var catalog = PlaceCatalog.Default;

        var (exit, output, error) = CliRunner.Run("info");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.StartsWith($"data version  {catalog.DataVersion}\n", output, StringComparison.Ordinal);
        Assert.Contains($"attested names  {catalog.Places.Sum(p => p.Names.Count)}\n", output, StringComparison.Ordinal);
        Assert.Contains($"transliteration pairs  {Transliterator.SupportedPairs.Count}\n", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  zh +125/125\n", output);
        Assert.Contains("ug-Arab → ug-Latn", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DataError_ExitsThree()
    {
        var (exit, output, error) = CliRunner.Run("info", "--data", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", "bad-code"));

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }
}
