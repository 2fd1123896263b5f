using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class TranslitCommandTests
{
    [Theory]
    [InlineData("ئۈرۈمچى", "ug-Arab", "ug-Latn", "Ürümchi")]
    [InlineData("ئۈرۈمچى", "ug-Arab", "ug-Cyrl", "Үрүмчи")]
    public void Translit_Text_PrintsTheTransliterationAndExitsZero(string text, string from, string to, string expected)
    {
        var (exit, output, error) = CliRunner.Run("translit", text, "--from", from, "--to", to);

        Assert.Equal(0, exit);
        Assert.Equal(expected + "\n", output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData]
    [InlineData("-")]
    public void Translit_StandardInput_WritesOneLinePerInputLineEmptyLinesKept(params string[] extra)
    {
        var input = "ئۈرۈمچى\n\nقەشقەر\r\n   \nabc";

        var (exit, output, error) = CliRunner.RunWithInput(input, ["translit", .. extra, "--from", "ug-Arab", "--to", "ug-Latn"]);

        Assert.Equal(0, exit);
        Assert.Equal(["Ürümchi", "", "Qeshqer", "   ", "abc", ""], output.Split('\n'));
        Assert.Empty(error);
    }

    [Fact]
    public void Translit_EmptyStandardInput_WritesNothing()
    {
        var (exit, output, _) = CliRunner.RunWithInput(string.Empty, "translit", "--from", "ug-Arab", "--to", "ug-Latn");

        Assert.Equal(0, exit);
        Assert.Empty(output);
    }

    [Fact]
    public void Translit_UnsupportedPair_ExitsTwoListingTheSupportedPairsOnStandardError()
    {
        var (exit, output, error) = CliRunner.Run("translit", "Emin", "--from", "en", "--to", "ug-Arab");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: transliteration from 'en' to 'ug-Arab' is not supported.", error, StringComparison.Ordinal);
        Assert.Contains("ug-Arab → ug-Latn", error, StringComparison.Ordinal);
        Assert.Contains("kk-Cyrl → kk-Arab", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("translit", "Emin")]
    [InlineData("translit", "Emin", "--from", "ug-Arab")]
    [InlineData("translit", "Emin", "--to", "ug-Arab")]
    [InlineData("translit", "--list", "Emin")]
    [InlineData("translit", "a", "b", "--from", "ug-Arab", "--to", "ug-Latn")]
    public void Translit_BadUsage_ExitsTwoWithAnErrorLine(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Translit_List_PrintsEverySupportedPairWithItsSteps()
    {
        var (exit, output, _) = CliRunner.Run("translit", "--list");

        Assert.Equal(0, exit);
        var expected = Transliterator.SupportedPairs.Select(p => $"{p.From}\t{p.To}\t{string.Join(" + ", p.Steps)}");
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Translit_ListWithFrom_PrintsOnlyPairsFromThatTag()
    {
        var (exit, output, _) = CliRunner.Run("translit", "--list", "--from", "kk-Cyrl");

        Assert.Equal(0, exit);
        Assert.Equal(["kk-Cyrl\tkk-Arab\tkk-Cyrl_kk-Arab.txt", "kk-Cyrl\tkk-Latn\tkk-Cyrl_kk-Latn.txt"], output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Translit_HostileLines_KeepOneOutputLineEach()
    {
        string[] lines =
        [
            "\uD800", "\uDC00x\uD800", "\u0000\u0001\u001F\u007F", "\u202E\u2066\uFEFF", "ٴ", "\u2028\u2029\u0085",
            new string('ۈ', 100_000), string.Concat(Enumerable.Repeat("\u0301", 10_000)), "=1+1", "\t",
        ];

        foreach (var (from, to) in new[] { ("ug-Arab", "ug-Latn"), ("kk-Cyrl", "kk-Arab"), ("ug-Latn", "und-x-matchkey") })
        {
            var (exit, output, error) = CliRunner.RunWithInput(string.Join("\n", lines) + "\n", "translit", "--from", from, "--to", to);

            Assert.Equal(0, exit);
            Assert.Empty(error);
            Assert.Equal(lines.Length, output.Count(c => c == '\n'));
        }
    }

    [Property(MaxTest = 200)]
    public Property Translit_AnyLines_OneOutputLinePerInputLineInOrder() =>
        Prop.ForAll(
            Gen.Elements(Transliterator.SupportedPairs.ToArray()).ToArbitrary(),
            ArbMap.Default.ArbFor<string[]>().Generator
                .Select(lines => (lines ?? []).Select(l => (l ?? string.Empty).Replace("\r", string.Empty).Replace("\n", string.Empty)).ToArray())
                .ToArbitrary(),
            (pair, lines) =>
            {
                var (exit, output, _) = CliRunner.RunWithInput(string.Concat(lines.Select(l => l + "\n")), "translit", "--from", pair.From, "--to", pair.To);
                var outLines = output.Split('\n');
                return (exit == 0
                        && outLines.Length == lines.Length + 1
                        && outLines[^1].Length == 0
                        && lines.Select((l, i) => l.Length == 0 ? outLines[i].Length == 0 : outLines[i] == Transliterator.Transliterate(l, pair.From, pair.To).Replace('\r', ' ').Replace('\n', ' ')).All(ok => ok))
                    .Classify(lines.Length == 0, "no lines")
                    .Classify(lines.Any(l => l.Length == 0), "with empty lines");
            });

    [Fact]
    public void Process_StandardInputBatch_KeepsLineCountAndUtf8()
    {
        var input = "ئۈرۈمچى\r\n\r\nقەشقەر\r\nغۇلجا\n";

        var (exit, output, error) = CliRunner.RunProcess(input, "translit", "--from", "ug-Arab", "--to", "ug-Latn");

        Assert.Equal(0, exit);
        Assert.Equal(["Ürümchi", "", "Qeshqer", "Ghulja", ""], output.Replace("\r\n", "\n").Split('\n'));
        Assert.Empty(error);
    }
}
