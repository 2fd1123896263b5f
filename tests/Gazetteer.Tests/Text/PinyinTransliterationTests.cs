using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Text;
using Gazetteer.Text.Transliteration;
using Xunit;

namespace Gazetteer.Tests.Text;

/// <summary>Chinese characters to Pinyin (<c>zh-Hans</c> → <c>zh-Latn-pinyin</c> and its toneless variant) and
/// traditional to simplified characters (<c>zh-Hant</c> → <c>zh-Hans</c>). The transform against every attested name is
/// in <see cref="PinyinDatasetTests"/>, more examples in <c>Golden/zh-Hans_zh-Latn-pinyin.tsv</c>.</summary>
public sealed class PinyinTransliterationTests
{
    private const string Pinyin = "zh-Latn-pinyin";
    private const string Toneless = "zh-Latn-pinyin-x-toneless";

    [Theory]
    [InlineData("塔什库尔干塔吉克自治县", "Tǎshíkù'ěrgān Tǎjíkè Zìzhìxiàn")]
    [InlineData("尉犁县", "Yùlí Xiàn")]
    [InlineData("疏勒县", "Shūlè Xiàn")]
    [InlineData("策勒县", "Cèlè Xiàn")]
    [InlineData("尼勒克县", "Nílèkè Xiàn")]
    [InlineData("乌什县", "Wūshí Xiàn")]
    [InlineData("阿图什市", "Ātúshí Shì")]
    [InlineData("喀什地区", "Kāshí Dìqū")]
    [InlineData("阿拉尔市", "Ālā'ěr Shì")]
    public void Transliterate_ZhHansToPinyin_Examples(string han, string expected)
    {
        var pinyin = Transliterator.Transliterate(han, "zh-Hans", Pinyin);

        Assert.Equal(expected, pinyin);
    }

    [Theory]
    [InlineData("塔什库尔干塔吉克自治县", "Tashiku'ergan Tajike Zizhixian")]
    [InlineData("阿拉尔市", "Ala'er Shi")]
    [InlineData("额敏县", "Emin Xian")]
    [InlineData("托克逊", "Tuokexun")] // names.csv 650422, toneless as attested
    public void Transliterate_ZhHansToToneless_DropsToneMarksKeepsApostrophesAndCapitals(string han, string expected)
    {
        var toneless = Transliterator.Transliterate(han, "zh-Hans", Toneless);

        Assert.Equal(expected, toneless);
    }

    [Theory]
    [InlineData("Ālā'ěr Shì", "Ala'er Shi")]
    [InlineData("Lǚ Nǚ", "Lü Nü")]
    [InlineData("Ürümqi", "Ürümqi")]
    public void Transliterate_PinyinToToneless_RemovesOnlyToneMarks(string pinyin, string expected) =>
        Assert.Equal(expected, Transliterator.Transliterate(pinyin, Pinyin, Toneless));

    [Theory]
    [InlineData("和闐縣", "和阗县")]
    [InlineData("喀什噶爾", "喀什噶尔")]
    [InlineData("Hotan 和闐", "Hotan 和阗")]
    public void Transliterate_ZhHantToZhHans_FoldsToSimplified(string hant, string expected) =>
        Assert.Equal(expected, Transliterator.Transliterate(hant, "zh-Hant", "zh-Hans"));

    [Fact]
    public void Transliterate_ZhHantToPinyin_ChainsThroughSimplified()
    {
        var pinyin = Transliterator.Transliterate("喀什噶爾", "zh-Hant", Pinyin);
        var pair = Transliterator.SupportedPairs.Single(p => p.From == "zh-Hant" && p.To == Pinyin);

        Assert.Equal("Kāshígá'ěr", pinyin);
        Assert.Equal(["zh-Hant_zh-Hans (built in)", "zh-Hans_zh-Latn-pinyin (built in)"], pair.Steps);
        Assert.Equal("Kashiga'er", Transliterator.Transliterate("喀什噶爾", "zh-Hant", Toneless));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("Ürümqi", "Ürümqi")]
    [InlineData("乌鲁木齐市 (Ürümqi)", "Wūlǔmùqí Shì (Ürümqi)")]
    [InlineData("喀什市、和田市", "Kāshí Shì、Hétián Shì")]
    [InlineData("新疆2024", "Xīnjiāng2024")]
    public void Transliterate_TextAroundChinese_PassesThrough(string text, string expected) =>
        Assert.Equal(expected, Transliterator.Transliterate(text, "zh-Hans", Pinyin));

    [Theory]
    [InlineData("县", "Xiàn")] // a generic word alone is the name
    [InlineData("博州", "Bózhōu")] // 州 has no Pinyin in generic-terms.csv: joined, as attested (names.csv 652700)
    [InlineData("巴音郭楞蒙古族自治州", "Bāyīnguōléng Měnggǔzú Zìzhìzhōu")] // ethnonym + 族 as one word, as in names.csv 652700
    [InlineData("新市区", "Xīnshì Qū")] // only the last generic word is split off
    [InlineData("和安县", "Hé'ān Xiàn")] // apostrophe between characters read separately
    public void Transliterate_WordDivision_FollowsThePlaceNameRules(string han, string expected) =>
        Assert.Equal(expected, Transliterator.Transliterate(han, "zh-Hans", Pinyin));

    [Theory]
    [InlineData("塔什库尔干塔吉克自治县", "塔什库尔干", "塔吉克", "自治县")]
    [InlineData("新疆维吾尔自治区", "新疆", "维吾尔", "自治区")]
    [InlineData("昌吉回族自治州", "昌吉", "回族", "自治州")]
    [InlineData("博尔塔拉蒙古族自治州", "博尔塔拉", "蒙古族", "自治州")]
    [InlineData("喀什地区", "喀什", null, "地区")]
    [InlineData("蒙古自治县", "蒙古", null, "自治县")] // the specific part is never empty
    [InlineData("新疆", "新疆", null, null)]
    public void SplitHan_Examples(string name, string specific, string? ethnonym, string? generic) =>
        Assert.Equal(new HanNameParts(specific, ethnonym, generic), PlaceCatalog.Default.Terms.SplitHan(name));

    [Theory]
    [InlineData("Tǎshíkù'ěrgān", "Tǎ shí kù ěr gān")]
    [InlineData("Xiàn", "Xiàn")]
    [InlineData("Tiānshān", "Tiān shān")]
    [InlineData("Mǎnàsī", "Mǎ nà sī")]
    [InlineData("Bóěrtǎlā", "Bó ěr tǎ lā")] // no apostrophe: still split
    [InlineData("Xī'ān", "Xī ān")]
    [InlineData("Lǚ", "Lǚ")]
    public void Segment_Examples(string word, string expected) =>
        Assert.Equal(expected, string.Join(' ', PinyinSyllables.FromEmbeddedData().Segment(word) ?? ["(null)"]));

    [Theory]
    [InlineData("Ürümqi")]
    [InlineData("Xiànx")]
    [InlineData("abc")]
    [InlineData("县")]
    public void Segment_NotPinyin_ReturnsNull(string word) => Assert.Null(PinyinSyllables.FromEmbeddedData().Segment(word));

    [Property(MaxTest = 1000)]
    public bool Transliterate_AnyString_NeverThrows(string? text)
    {
        text ??= string.Empty;
        return Transliterator.Transliterate(text, "zh-Hans", Pinyin) is not null
            && Transliterator.Transliterate(text, "zh-Hans", Toneless) is not null
            && Transliterator.Transliterate(text, "zh-Hant", Pinyin) is not null;
    }

    [Property(MaxTest = 300)]
    public Property Transliterate_ChineseText_LeavesNoDatasetCharacterUnread() =>
        Prop.ForAll(
            HanText().ToArbitrary(),
            text =>
            {
                var pinyin = Transliterator.Transliterate(text, "zh-Hans", Pinyin);
                return (!pinyin.Any(c => c is >= '\u4E00' and <= '\u9FFF')).Label($"'{text}' → '{pinyin}'")
                    .And(Transliterator.Transliterate(text, "zh-Hans", Toneless) == PinyinSpelling.RemoveTones(pinyin));
            });

    [Fact]
    public void Transliterate_ManyThreadsAtOnce_GiveTheSameResultsAsOneThread()
    {
        var names = PlaceCatalog.Default.Places
            .SelectMany(p => p.Names.Where(n => n.Language is "zh-Hans" or "zh-Hant").Select(n => (n.Text, n.Language)))
            .Append((Text: "北京天津上海", Language: "zh-Hans")) // characters outside the data: Han-Latin, pooled
            .ToArray();
        var expected = names.Select(n => Transliterator.Transliterate(n.Text, n.Language, Pinyin)).ToArray();

        var results = new string[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, t =>
        {
            var order = Enumerable.Range(0, names.Length).OrderBy(i => (i * 7919 + t * 104729) % names.Length).ToArray();
            var mine = new string[names.Length];
            foreach (var i in order)
            {
                mine[i] = Transliterator.Transliterate(names[i].Text, names[i].Language, Pinyin);
            }

            results[t] = mine;
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void NewTransform_ManyThreadsOnFirstUse_BuildOneLexiconAndAgree()
    {
        var builds = 0;
        var catalog = PlaceCatalog.Default;
        var transform = new PinyinTransform(() =>
        {
            Interlocked.Increment(ref builds);
            return PinyinLexicon.Build(catalog.Places, catalog.Terms, PinyinSyllables.FromEmbeddedData());
        });
        var han = catalog.Places.Select(p => p.ChineseName.Text).ToArray();

        var results = new string[32][];
        Parallel.For(0, results.Length, t => results[t] = [.. han.Select(h => transform.Transliterate(h, tones: true))]);

        Assert.Equal(1, builds);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    /// <summary>Strings of characters of the dataset's Chinese names, with the odd space or Latin letter.</summary>
    private static Gen<string> HanText()
    {
        var characters = PlaceCatalog.Default.Places.SelectMany(p => p.Names).Where(n => n.Language == "zh-Hans")
            .SelectMany(n => n.Text).Distinct().ToArray();
        return Gen.Frequency((9, Gen.Elements(characters)), (1, Gen.Elements(' ', 'a', '-')))
            .ArrayOf().Select(chars => new string(chars));
    }
}
