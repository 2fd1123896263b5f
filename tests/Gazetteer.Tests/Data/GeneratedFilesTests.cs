using Gazetteer.Tests.Text;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Data;

/// <summary>Files under <c>data/</c> generated from other files: each test fails when its file is stale. Run the tests
/// with <c>GAZETTEER_REGENERATE=1</c> to rewrite them, then review the diff.</summary>
public sealed class GeneratedFilesTests
{
    private static bool Regenerate => Environment.GetEnvironmentVariable("GAZETTEER_REGENERATE") == "1";

    [Fact]
    public void DerivedNamesFile_EqualsWhatTheRuleFilesProduceFromTheData()
    {
        var catalog = PlaceCatalog.Default;
        var expected = DerivedNames.Write(DerivedNames.Compute(catalog.Places));

        AssertCurrent(DerivedNames.FileName, expected);
    }

    [Fact]
    public void MatchKeysFile_EqualsWhatTheRuleFilesProduceForEveryIndexedName() =>
        AssertCurrent(MatchKeyFile.FileName, MatchKeyFile.Write(PlaceCatalog.Default));

    [Fact]
    public void PinyinReport_IsCurrent()
    {
        var expected = PinyinReport.Write(PlaceCatalog.Default);

        AssertCurrent(PinyinReport.FileName, expected);
    }

    internal static void AssertCurrent(string fileName, string expected)
    {
        var path = Path.Combine(DataFolder.Path, fileName);
        if (Regenerate)
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        Assert.True(expected == actual, $"data/{fileName} is stale. Regenerate it with: GAZETTEER_REGENERATE=1 dotnet test --filter GeneratedFilesTests, and review the diff.");
    }
}
