using Xunit;

namespace Gazetteer.Tests.Data;

public sealed class LoaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", name);

    private static GazetteerDataException LoadFails(string fixture) =>
        Assert.Throws<GazetteerDataException>(() => PlaceCatalog.FromDirectory(Fixture(fixture)));

    [Fact]
    public void FromDirectory_ValidFixture_LoadsEveryRow()
    {
        var catalog = PlaceCatalog.FromDirectory(Fixture("valid"));

        Assert.Equal(["650000", "654200", "654221"], catalog.Places.Select(p => p.Code));
        Assert.Contains(catalog.Find("654221").Names, n => n.Text == "Dorbiljin" && n.Kind == NameKind.Media);
        Assert.StartsWith("custom+", catalog.DataVersion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-code", "places.csv", 4, 1, "code", "'65422X' is malformed")]
    [InlineData("duplicate-code", "places.csv", 5, 1, "code", "duplicate of line 4")]
    [InlineData("unknown-parent", "places.csv", 4, 2, "parent", "'654900' is not a code")]
    [InlineData("not-nested", "places.csv", 4, 1, "code", "not nested under its parent '654200'")]
    [InlineData("missing-name", "places.csv", 4, 9, "zh", "the zh is empty")]
    [InlineData("malformed-language-tag", "names.csv", 2, 3, "lang", "'ug_Latn' is malformed")]
    [InlineData("unknown-language-tag", "names.csv", 2, 3, "lang", "'ug-Latx' is not known. Expected a tag listed in data/languages.csv")]
    [InlineData("latin-in-ug-arab", "places.csv", 4, 12, "ug_arab", "script Latn at character 1, but ug-Arab is written in Arab")]
    [InlineData("cyrillic-in-ug-latn", "places.csv", 4, 13, "ug_latn", "script Cyrl at character 1, but ug-Latn is written in Latn")]
    [InlineData("unknown-kind", "places.csv", 4, 4, "kind", "kind 'shire' is not known")]
    [InlineData("unknown-level", "places.csv", 4, 3, "level", "level 'province' is not known")]
    [InlineData("bad-date", "places.csv", 4, 6, "valid_from", "date '2021-13-01' is malformed")]
    [InlineData("unbalanced-quote", "names.csv", 2, 0, null, "quotes are unbalanced")]
    [InlineData("wrong-header", "places.csv", 1, 0, null, "Expected exactly 'code,parent,level")]
    [InlineData("look-alike-letter", "places.csv", 4, 12, "ug_arab", "look-alike character U+06CC at character 5")]
    [InlineData("ragged-row", "places.csv", 4, 0, null, "the record has 20 fields. Expected 18")]
    [InlineData("unknown-name-code", "names.csv", 2, 1, "code", "'654299' is not a code in places.csv")]
    [InlineData("invalid-utf8", "places.csv", 4, 0, null, "not valid UTF-8")]
    public void FromDirectory_BadFixture_ReportsFileLineColumnAndExpectation(string fixture, string file, int line, int column, string? columnName, string fragment)
    {
        var error = LoadFails(fixture);

        var problem = Assert.Single(error.Problems);
        Assert.Equal(file, problem.FileName);
        Assert.Equal(line, problem.Line);
        if (column > 0)
        {
            Assert.Equal(column, problem.Column);
            Assert.Equal(columnName, problem.ColumnName);
        }

        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        Assert.Contains(problem.ToString(), error.Message, StringComparison.Ordinal);
        Assert.StartsWith(file + " line " + line, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromDirectory_SeveralProblems_ReportsAllTogetherInFileOrder()
    {
        var error = LoadFails("many-problems");

        Assert.Equal(
            ["places.csv:4:4", "places.csv:4:6", "names.csv:2:3", "names.csv:3:6"],
            error.Problems.Select(p => $"{p.FileName}:{p.Line}:{p.Column}"));
        Assert.Contains("4 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDirectory_UnbalancedQuote_ReportsTheRecordInsteadOfSwallowingIt()
    {
        // The unterminated quote would otherwise swallow the next record (Emin) into one field.
        var error = LoadFails("unbalanced-quote");

        Assert.Contains("Dorbiljin", error.Problems[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDirectory_MissingFolderFiles_ReportsTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("gazetteer-empty-").FullName;

        var error = Assert.Throws<GazetteerDataException>(() => PlaceCatalog.FromDirectory(folder));

        Assert.Equal("places.csv", error.FileName);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FromStreams_SameAsFromDirectory()
    {
        using var places = File.OpenRead(Path.Combine(Fixture("valid"), "places.csv"));
        using var names = File.OpenRead(Path.Combine(Fixture("valid"), "names.csv"));

        var catalog = PlaceCatalog.Load(places, names);

        Assert.Equal(3, catalog.Places.Count);
    }
}
