using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Text.Transliteration;
using Xunit;
using IcuTransliterator = ICU4N.Text.Transliterator;
using TransliterationDirection = ICU4N.Text.TransliterationDirection;

namespace Gazetteer.Tests.Text;

/// <summary>The compiled rules give exactly what ICU4N gives for the same rule text: on every rule file that compiles,
/// over golden inputs, every name of the dataset and generated text, and on small rule texts that exercise each feature
/// of the subset.</summary>
public sealed class CompiledRulesTests
{
    private static readonly string GoldenFolder = Path.Combine(AppContext.BaseDirectory, "Golden");

    private static readonly Lazy<IReadOnlyList<string>> DatasetTexts = new(() =>
        [.. PlaceCatalog.Default.Places.SelectMany(p => p.Names.Concat(PlaceCatalog.Default.GetDerivedNames(p.Code))).Select(n => n.Text).Distinct(StringComparer.Ordinal)]);

    public static TheoryData<string> CompiledFiles()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Gazetteer.Text.Transliterator.Rules.Transforms.Where(t => t.Compiled is not null))
        {
            data.Add(rule.FileName);
        }

        return data;
    }

    [Theory]
    [InlineData("und_und-x-matchkey.txt")]
    [InlineData("zh-Latn-pinyin_und-Latn.txt")]
    [InlineData("ug-Latn-x-gnc_und-Latn.txt")]
    public void TryCompile_FilesOnTheSearchPath_Compile(string file) =>
        Assert.NotNull(Rule(file).Compiled);

    [Theory]
    [MemberData(nameof(CompiledFiles))]
    public void Apply_GoldenInputsAndDatasetNames_EqualIcu(string file)
    {
        var rule = Rule(file);
        var golden = Path.Combine(GoldenFolder, Path.ChangeExtension(file, ".tsv"));
        var inputs = File.ReadLines(golden).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0])
            .Concat(DatasetTexts.Value);
        foreach (var input in inputs)
        {
            Assert.Equal(rule.Apply(input), rule.Compiled!.Apply(input));
        }
    }

    [Property(MaxTest = 300)]
    public bool Apply_RegionalText_EqualsIcu(NonNull<string> seed) =>
        Gazetteer.Text.Transliterator.Rules.Transforms.Where(t => t.Compiled is not null)
            .All(rule => RegionalText.Samples(seed.Get).All(t => rule.Compiled!.Apply(t) == rule.Apply(t)));

    [Property(MaxTest = 300)]
    public bool Apply_TextOfTheRulesOwnLetters_EqualsIcu(NonNull<string> seed)
    {
        // Strings over the letters the rules name, so that contexts, digraphs and merges meet each other often.
        var random = new Random(seed.Get.GetHashCode(StringComparison.Ordinal));
        foreach (var rule in Gazetteer.Text.Transliterator.Rules.Transforms.Where(t => t.Compiled is not null))
        {
            var letters = RuleLetters(rule.FileName);
            var chars = new char[random.Next(1, 30)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = letters[random.Next(letters.Length)];
            }

            var text = new string(chars);
            if (rule.Compiled!.Apply(text) != rule.Apply(text))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public bool Apply_ArbitraryText_EqualsIcu(string? text)
    {
        text = Gazetteer.Text.Characters.ReplaceLoneSurrogates(text ?? string.Empty);
        return Gazetteer.Text.Transliterator.Rules.Transforms.Where(t => t.Compiled is not null).All(rule => rule.Compiled!.Apply(text) == rule.Apply(text));
    }

    [Theory]
    [InlineData("kh > | h ; hh > | h ;", "kkhhh")] // cursor before the output: merges cascade
    [InlineData("i { y } [aeou] > ; y > i ;", "iya yi iyy")] // before-context on text already rewritten
    [InlineData("$V = [aeiou] ; y } $V > Y ; y > i ;", "yaybyu")] // variable in an after-context
    [InlineData("a > b ; b > c ;", "abab")] // one pass: output is not read again without a cursor
    [InlineData("::NFD ; [:Mn:] > ; ::NFC ;", "Ürümqi é\u0301")] // normalization passes and a property set
    [InlineData("::NFKC ; ::Lower ; \\u0640 > ; ه } [\\u0620-\\u064A] > h ; ه > e ;", "ﻫﺎ ھە هـا ه")] // escapes, presentation forms
    [InlineData("x > \\u0020y ;", "axb")] // an escaped space in the output
    public void Apply_SmallRuleTexts_EqualIcu(string rules, string input)
    {
        var compiled = CompiledRules.TryCompile(rules);
        Assert.NotNull(compiled);
        var icu = IcuTransliterator.CreateFromRules("test", rules, TransliterationDirection.Forward);
        Assert.Equal(icu.Transliterate(input), compiled.Apply(input));
    }

    [Fact]
    public void Apply_RuleThatNeverMovesTheCursor_ThrowsLikeIcu()
    {
        const string Rules = "a > | a ;";
        var icu = IcuTransliterator.CreateFromRules("test", Rules, TransliterationDirection.Forward);
        Assert.ThrowsAny<Exception>(() => icu.Transliterate("aaaa"));
        Assert.Throws<InvalidOperationException>(() => CompiledRules.TryCompile(Rules)!.Apply("aaaa"));
    }

    [Theory]
    [InlineData("a+ > b ;")] // quantifier
    [InlineData("(a) b > $1 ;")] // segment
    [InlineData("a <> b ;")] // two-way rule
    [InlineData("'x' > y ;")] // quoted literal
    [InlineData("::[a-z] NFKC ;")] // filtered transform
    [InlineData("::Latin-ASCII ;")] // transform outside the subset
    [InlineData("a > b")] // unterminated rule
    [InlineData("$missing > b ;")] // undefined variable
    public void TryCompile_SyntaxOutsideTheSubset_ReturnsNull(string rules) =>
        Assert.Null(CompiledRules.TryCompile(rules));

    private static RuleTransform Rule(string file) =>
        Gazetteer.Text.Transliterator.Rules.Transforms.Single(t => t.FileName == file);

    private static string RuleLetters(string file)
    {
        var text = File.ReadAllText(Path.Combine(DataFolder.Path, "transliteration", file));
        var letters = text.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))
            .SelectMany(l => l).Where(c => char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            .Distinct().ToList();
        letters.AddRange("abcdefghijklmnopqrstuvwxyz hhkxyy");
        return new string([.. letters]);
    }
}
