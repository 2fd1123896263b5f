using System.Reflection;
using Gazetteer.Cli;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class GazetteerCliTests
{
    private static readonly string ValidFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Loader", "valid");

    [Fact]
    public void Version_InProcess_PrintsTheInformationalVersionOfTheTool()
    {
        var expected = typeof(GazetteerCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exit, output, error) = CliRunner.Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal(expected + "\n", output);
        Assert.StartsWith("0.1.0", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Version_AsAProcess_PrintsTheSameVersion()
    {
        var (exit, output, _) = CliRunner.RunProcess(null, "--version");

        Assert.Equal(0, exit);
        Assert.Equal(GazetteerCli.Version, output.TrimEnd());
    }

    [Theory]
    [InlineData("lookup")]
    [InlineData("translit")]
    [InlineData("export")]
    [InlineData("info")]
    [InlineData("validate")]
    public void Help_EveryCommand_HasExamplesAndExitCodes(string command)
    {
        var (exit, output, error) = CliRunner.Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains($"gazetteer {command} ", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
        Assert.Contains("--data", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("lookup", "Dorbiljin")]
    [InlineData("export", "--format", "jsonl")]
    [InlineData("info")]
    [InlineData("translit", "ئۈرۈمچى", "--from", "ug-Arab", "--to", "ug-Latn")]
    public void Data_EveryCommand_AcceptsAFolder(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([.. args, "--data", ValidFixture]);

        Assert.Equal(0, exit);
        Assert.NotEmpty(output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("info")]
    public void Data_MissingFolder_ExitsTwo(string command)
    {
        var (exit, output, error) = CliRunner.Run(command, "--data", Path.Combine(ValidFixture, "no-such-folder"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: --data: folder '", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_FixtureFolder_IsWhatExportReads()
    {
        var (_, output, _) = CliRunner.Run("export", "--format", "jsonl", "--data", ValidFixture);

        Assert.Equal(3, output.TrimEnd('\n').Split('\n').Length);
    }
}
