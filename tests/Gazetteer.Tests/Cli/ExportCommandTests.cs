using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Gazetteer.Cli.Commands;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class ExportCommandTests
{
    private static readonly PlaceCatalog Catalog = PlaceCatalog.Default;

    private static readonly string InjectionFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cli", "csv-injection");

    [Fact]
    public void Csv_ParsesBackWithOneRecordPerDivisionAndAttestedName()
    {
        var (exit, output, error) = CliRunner.Run("export");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var (header, rows) = ReadCsv(output);
        Assert.Equal(ExportCommand.CsvHeader, header);
        Assert.Equal(Catalog.Places.Sum(p => p.Names.Count), rows.Count);
        var expected = Catalog.Places.SelectMany(p => p.Names.Select(n => $"{p.Code}|{n.Text}|{n.Language}|{n.Kind.ToToken()}")).Order(StringComparer.Ordinal);
        var actual = rows.Select(r => $"{r["code"]}|{Unescape(r["name"])}|{r["name_lang"]}|{r["name_kind"]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(Catalog.Places.Select(p => p.Code), rows.Select(r => r["code"]).Distinct());
        Assert.All(rows, r => Assert.Equal("attested", r["name_origin"]));
    }

    [Fact]
    public void Csv_DivisionColumns_RepeatTheCataloguesFacts()
    {
        var (_, output, _) = CliRunner.Run("export");

        var (_, rows) = ReadCsv(output);
        foreach (var row in rows)
        {
            var place = Catalog.Find(row["code"]);
            Assert.Equal(place.ParentCode ?? string.Empty, row["parent"]);
            Assert.Equal(place.Level.ToToken(), row["level"]);
            Assert.Equal(place.Kind.ToToken(), row["kind"]);
            Assert.Equal(place.IsXpcc ? "true" : "false", row["xpcc"]);
            Assert.Equal(place.ValidTo?.ToString() ?? string.Empty, row["valid_to"]);
            Assert.Equal(string.Join(';', place.SuccessorCodes), row["successors"]);
            Assert.Equal(string.Join(';', Catalog.Ancestors(place.Code).Select(a => a.Code)), row["ancestors"]);
        }

        var sawen = rows.First(r => r["code"] == "654223");
        Assert.Equal("2021-01", sawen["valid_to"]);
        Assert.Equal("654203", sawen["successors"]);
        Assert.Equal("654200;654000;650000", rows.First(r => r["code"] == "654221")["ancestors"]);
        Assert.Contains(rows, r => r["code"] == "654221" && r["name_field"] == "zh" && r["name"] == "额敏县" && r["name_lang"] == "zh-Hans");
    }

    [Fact]
    public void Csv_IncludeDerived_AddsEveryDerivedNameMarkedWithItsOrigin()
    {
        var (exit, output, _) = CliRunner.Run("export", "--include-derived");

        Assert.Equal(0, exit);
        var (_, rows) = ReadCsv(output);
        var derivedCount = Catalog.Places.Sum(p => Catalog.GetDerivedNames(p.Code).Count);
        Assert.Equal(Catalog.Places.Sum(p => p.Names.Count) + derivedCount, rows.Count);
        var derived = rows.Where(r => r["name_origin"] != "attested").ToList();
        Assert.Equal(derivedCount, derived.Count);
        Assert.Equal(Catalog.Derived.Count, derived.Count(r => r["name_origin"] == "transliterated"));
        Assert.All(derived, r =>
        {
            Assert.Contains(r["name_origin"], new[] { "transliterated", "generic-term-removed" });
            Assert.NotEmpty(r["derived_from"]);
            Assert.NotEmpty(r["derived_from_lang"]);
            Assert.Empty(r["name_source"]);
        });
        Assert.Contains(derived, r => r["code"] == "654203" && r["name"] == "Sawen Shehiri" && r["name_origin"] == "transliterated" && r["derived_from"] == "ساۋەن شەھىرى");
    }

    [Fact]
    public void Csv_CellsStartingWithFormulaCharacters_ArePrefixedWithAQuote()
    {
        var (exit, output, _) = CliRunner.Run("export", "--data", InjectionFixture);

        Assert.Equal(0, exit);
        var (_, rows) = ReadCsv(output);
        Assert.Contains(rows, r => r["name"] == "'=HYPERLINK(\"https://example.com\",\"Emin\")" && r["name_note"] == "'@SUM(1+1)");
        Assert.Contains(rows, r => r["name"] == "'+Emin" && r["name_source"] == "'-fixture");
        var dangerous = rows.SelectMany(r => r.Values).Where(v => v.Length > 0 && "=+-@\t\r".Contains(v[0], StringComparison.Ordinal));
        Assert.Empty(dangerous);
    }

    [Fact]
    public void Json_HasTheDataVersionAndEveryDivisionWithItsNames()
    {
        var (exit, output, error) = CliRunner.Run("export", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(Catalog.DataVersion, json.RootElement.GetProperty("data_version").GetString());
        var places = json.RootElement.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(Catalog.Places.Select(p => p.Code), places.Select(p => p.GetProperty("code").GetString()));
        foreach (var element in places)
        {
            var place = Catalog.Find(element.GetProperty("code").GetString()!);
            Assert.Equal(place.Names.Count, element.GetProperty("names").GetArrayLength());
            Assert.Equal(Catalog.Ancestors(place.Code).Select(a => a.Code), element.GetProperty("ancestors").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(place.SuccessorCodes, element.GetProperty("successors").EnumerateArray().Select(a => a.GetString()));
        }

        var emin = places.Single(p => p.GetProperty("code").GetString() == "654221");
        var zh = emin.GetProperty("names").EnumerateArray().First();
        Assert.Equal("额敏县", zh.GetProperty("text").GetString());
        Assert.Equal("zh", zh.GetProperty("field").GetString());
        Assert.Equal("attested", zh.GetProperty("origin").GetString());
        Assert.False(string.IsNullOrEmpty(zh.GetProperty("source").GetString()));
    }

    [Fact]
    public void Json_IncludeDerived_MarksDerivedNamesWithTheirChain()
    {
        var (_, output, _) = CliRunner.Run("export", "--format", "json", "--include-derived");

        using var json = JsonDocument.Parse(output);
        var sawen = json.RootElement.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "654203");
        var bare = sawen.GetProperty("names").EnumerateArray().Single(n => n.GetProperty("text").GetString() == "Sawen");
        Assert.Equal("generic-term-removed", bare.GetProperty("origin").GetString());
        var uly = bare.GetProperty("derived_from");
        Assert.Equal("Sawen Shehiri", uly.GetProperty("text").GetString());
        Assert.Equal("transliterated", uly.GetProperty("origin").GetString());
        Assert.Equal("ساۋەن شەھىرى", uly.GetProperty("derived_from").GetProperty("text").GetString());
        Assert.Equal("attested", uly.GetProperty("derived_from").GetProperty("origin").GetString());
    }

    [Fact]
    public void Jsonl_HasOneObjectPerLinePerDivision()
    {
        var (exit, output, _) = CliRunner.Run("export", "--format", "jsonl");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(Catalog.Places.Count, lines.Length);
        var codes = lines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.GetProperty("code").GetString();
        });
        Assert.Equal(Catalog.Places.Select(p => p.Code), codes);
    }

    [Fact]
    public void Output_ToAFile_WritesTheFileAndNothingOnStandardOutput()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gazetteer-export-{Guid.NewGuid():N}.jsonl");
        try
        {
            var (exit, output, error) = CliRunner.Run("export", "--format", "jsonl", "--output", file);

            Assert.Equal(0, exit);
            Assert.Empty(output);
            Assert.Contains($"Wrote {Catalog.Places.Count} divisions", error, StringComparison.Ordinal);
            Assert.Equal(Catalog.Places.Count, File.ReadAllLines(file).Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Output_FolderDoesNotExist_ExitsTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "out.csv");

        var (exit, output, error) = CliRunner.Run("export", "--output", file);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: --output: folder '", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IsAFolder_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("export", "--output", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --output: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Unknown_ExitsTwo()
    {
        var (exit, output, error) = CliRunner.Run("export", "--format", "xml");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataError_ExitsThree()
    {
        var (exit, output, error) = CliRunner.Run("export", "--data", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", "bad-code"));

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_CsvToAFile_WritesAFileThatParsesBack()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gazetteer-export-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, error) = CliRunner.RunProcess(null, "export", "--output", file, "--data", InjectionFixture);

            Assert.Equal(0, exit);
            Assert.Empty(output);
            Assert.Contains("Wrote 3 divisions and 20 names", error, StringComparison.Ordinal);
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
            var (_, rows) = ReadCsv(File.ReadAllText(file));
            Assert.Equal(20, rows.Count);
            Assert.Contains(rows, r => r["name"] == "Дөрбілжін ауданы");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Unescape(string value) => value.StartsWith('\'') && value.Length > 1 && "=+-@\t\r".Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    private static (string[] Header, List<Dictionary<string, string>> Rows) ReadCsv(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h)!, StringComparer.Ordinal));
        }

        return (header, rows);
    }
}
