using System.Text.Json;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class LookupCommandTests
{
    [Theory]
    [InlineData("Dorbiljin", "654221")]
    [InlineData("Emin", "654221")]
    [InlineData("额敏县", "654221")]
    [InlineData("دۆربىلجىن", "654221")]
    [InlineData("Tarbaghatay", "654200")]
    [InlineData("Sawen", "654203")]
    [InlineData("乌苏市", "654202")]
    public void Lookup_KnownName_PrintsTheDivisionFirstAndExitsZero(string name, string code)
    {
        var (exit, output, error) = CliRunner.Run("lookup", name);

        Assert.Equal(0, exit);
        Assert.StartsWith(code + "  ", output, StringComparison.Ordinal);
        Assert.Contains("matched  '", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Lookup_UnknownName_ExitsOneWithAMessageOnStandardError()
    {
        var (exit, output, error) = CliRunner.Run("lookup", "Atlantis");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("No division is named 'Atlantis'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_Json_HasTheDocumentedShape()
    {
        var (exit, output, _) = CliRunner.Run("lookup", "Dorbiljin", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Dorbiljin", root.GetProperty("query").GetString());
        var result = root.GetProperty("results")[0];
        Assert.Equal("654221", result.GetProperty("code").GetString());
        Assert.Equal("county", result.GetProperty("level").GetString());
        Assert.Equal("county", result.GetProperty("kind").GetString());
        Assert.Equal("654200", result.GetProperty("parent").GetString());
        Assert.Equal("额敏县", result.GetProperty("names").GetProperty("zh").GetString());
        var matched = result.GetProperty("matched");
        Assert.Equal("Dorbiljin", matched.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(matched.GetProperty("lang").GetString()));
        Assert.False(string.IsNullOrEmpty(matched.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Lookup_DerivedMatch_ExplainsTheDerivationChain()
    {
        var (_, output, _) = CliRunner.Run("lookup", "Sawen");

        Assert.Contains("generic word removed from 'Sawen Shehiri', transliterated from 'ساۋەن شەھىرى' (ug-Arab)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_HistoricalDivision_IsLabelledWithItsEndAndSuccessor()
    {
        var (_, output, _) = CliRunner.Run("lookup", "沙湾县");

        Assert.Contains("[historical until 2021-01; successor 654203]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lookup")]
    [InlineData("lookup", "a", "b")]
    [InlineData("lookup", "x", "--no-such-option")]
    [InlineData("no-such-command")]
    public void UsageError_ExitsTwoWithoutStackTrace(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataError_ExitsThreeWithTheProblemLocation()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", "bad-code");

        var (exit, _, error) = CliRunner.Run("lookup", "Emin", "--data", folder);

        Assert.Equal(3, exit);
        Assert.Contains("places.csv line 4, column 1 (code)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("lookup", "--help")]
    public void Help_PrintsUsageAndExitsZero(params string[] args)
    {
        var (exit, output, _) = CliRunner.Run(args);

        Assert.Equal(0, exit);
        Assert.Contains("lookup", output, StringComparison.Ordinal);
    }

    [Fact]
    public void LookupAndSearch_DashArgument_ReadTheNameFromStandardInput()
    {
        var lookup = CliRunner.RunWithInput("دۆربىلجىن\n", "lookup", "-");
        var search = CliRunner.RunWithInput("Sawen, Tarbaghatay", "search", "-", "--json");
        var empty = CliRunner.RunWithInput("  \n", "lookup", "-");

        Assert.Equal(0, lookup.ExitCode);
        Assert.StartsWith("654221", lookup.Out, StringComparison.Ordinal);
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("\"654203\"", search.Out, StringComparison.Ordinal);
        Assert.Equal(2, empty.ExitCode);
        Assert.StartsWith("error: standard input is empty", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_LookupInArabicScript_RoundTripsUtf8AndExitCodes()
    {
        var found = CliRunner.RunProcess(null, "lookup", "دۆربىلجىن");
        var missing = CliRunner.RunProcess(null, "lookup", "Atlantis");
        var version = CliRunner.RunProcess(null, "--version");

        Assert.Equal(0, found.ExitCode);
        Assert.Contains("额敏县", found.Out, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
    }
}
