using Gazetteer.Text;
using Gazetteer.Text.Transliteration;
using Xunit;

namespace Gazetteer.Tests.Text;

/// <summary>The Pinyin transform against every attested Pinyin name of the dataset, and the attested Pinyin against
/// the orthography rules.</summary>
public sealed class PinyinDatasetTests
{
    private static PlaceCatalog Catalog => PlaceCatalog.Default;

    [Fact]
    public void Transliterate_EveryDivisionZh_EqualsItsAttestedPinyin()
    {
        var places = Catalog.Places.Where(p => p.GetName("zh-Latn-pinyin") is { IsPrimary: true }).ToList();

        var failures = places
            .Select(p => (p.Code, Han: p.ChineseName.Text, Attested: p.GetName("zh-Latn-pinyin")!.Text, Actual: Transliterator.Transliterate(p.ChineseName.Text, "zh-Hans", "zh-Latn-pinyin")))
            .Where(r => r.Actual != r.Attested)
            .Select(r => $"{r.Code} {r.Han}: '{r.Actual}', attested '{r.Attested}'")
            .ToList();

        Assert.True(places.Count > 100, $"only {places.Count} divisions have Pinyin");
        Assert.True(failures.Count == 0, $"{failures.Count} of {places.Count} differ:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Transliterate_EveryPairedNamesCsvPinyin_EqualsItOrIsAKnownDeviation()
    {
        var rows = PinyinReport.FurtherNames(Catalog);

        var unexpected = rows.Where(r => !r.OursExact && !PinyinReport.KnownDeviations.ContainsKey(r.Attested))
            .Select(r => $"{r.Code} {r.Han}: '{r.Ours}', attested '{r.Attested}'").ToList();
        var stale = PinyinReport.KnownDeviations.Keys.Where(k => !rows.Any(r => r.Attested == k && !r.OursExact)).ToList();

        Assert.True(rows.Count >= 25, $"only {rows.Count} names.csv Pinyin names are paired");
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} of {rows.Count} differ:\n{string.Join('\n', unexpected)}");
        Assert.True(stale.Count == 0, $"known deviations that no longer occur: {string.Join(", ", stale)}");
    }

    /// <summary>Every attested Pinyin with tone marks follows the place-name rules the transform writes: each word
    /// capitalised (rule 10), an apostrophe before every later syllable that starts with a, o or e (rule 11), nothing
    /// but Pinyin syllables. The one value that breaks a rule is listed, so that a new one is reported, not skipped.</summary>
    [Fact]
    public void AttestedPinyin_FollowsThePlaceNameOrthography()
    {
        var syllables = PinyinSyllables.FromEmbeddedData();
        string[] knownViolations = ["Bóěrtǎlā Měnggǔzú Zìzhìzhōu"]; // no apostrophe before ěr; see PinyinReport.KnownDeviations

        var problems = new List<string>();
        foreach (var place in Catalog.Places)
        {
            foreach (var name in place.Names.Where(n => n.Language == "zh-Latn-pinyin" && PinyinSpelling.HasToneMark(n.Text)))
            {
                foreach (var word in name.Text.Split(' '))
                {
                    var split = syllables.Segment(word);
                    if (split is null)
                    {
                        problems.Add($"{place.Code} '{name.Text}': '{word}' is not made of Pinyin syllables");
                    }
                    else if (PinyinSpelling.Word([.. split.Select(s => s.ToLowerInvariant())]) != word)
                    {
                        problems.Add($"{place.Code} '{name.Text}': '{word}' should be written '{PinyinSpelling.Word([.. split.Select(s => s.ToLowerInvariant())])}'");
                    }
                }
            }
        }

        var unexpected = problems.Where(p => !knownViolations.Any(k => p.Contains($"'{k}'", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', unexpected));
        Assert.Equal(knownViolations.Length, problems.Count);
    }

    [Fact]
    public void Lexicon_PairsEveryTonedPinyinName_AndLeavesOnlyTonelessOnesUnused()
    {
        var lexicon = PinyinLexicon.Build(Catalog.Places, Catalog.Terms, PinyinSyllables.FromEmbeddedData());

        Assert.All(lexicon.Unused, u => Assert.Equal("no tone marks", u.Reason));
        Assert.Contains(lexicon.Pairs, p => p.Han == "玉田县" && p.Pinyin == "Yùtián Xiàn");
        Assert.Contains(lexicon.Pairs, p => p.Han == "龟兹" && p.Pinyin == "Qiūcí");
        Assert.Contains(lexicon.Pairs, p => p.Han == "新疆" && p.Pinyin == "Xīnjiāng");
    }

    [Fact]
    public void Lexicon_SpellsEveryChineseGenericTermAndEthnonymFromGenericTermsCsv_Except州()
    {
        // a zh-Hans term with no zh-Latn-pinyin row whose syllables are readings of its characters in the data
        // (as 锡伯 had while generic-terms.csv wrote Xíbó for the attested Xībó) shows up here; 州 has none on purpose
        // and is written joined to the name (博州 Bózhōu, 伊州 Yīzhōu, as attested)
        var lexicon = PinyinLexicon.Build(Catalog.Places, Catalog.Terms, PinyinSyllables.FromEmbeddedData());

        Assert.Equal(["州"], lexicon.UnspelledTerms);
        Assert.Equal("Zìzhìxiàn", lexicon.TermSpelling("自治县"));
        Assert.Equal("Xībó", lexicon.TermSpelling("锡伯"));
        Assert.Equal("Kē'ěrkèzī", lexicon.TermSpelling("柯尔克孜"));
    }

    [Fact]
    public void Lexicon_PolyphonicCharacters_MostFrequentReadingFirst()
    {
        var lexicon = PinyinLexicon.Build(Catalog.Places, Catalog.Terms, PinyinSyllables.FromEmbeddedData());

        Assert.Equal("lè", lexicon.Reading("勒"));     // 疏勒, 策勒, 库尔勒 … (lēi only in 玛热勒巴什, 杜尔布勒津)
        Assert.Equal("shí", lexicon.Reading("什"));    // 喀什, 乌什, 阿图什 (ICU: shén)
        Assert.Equal("yù", lexicon.Reading("尉"));     // 尉犁 (ICU: wèi)
        Assert.Equal("zī", lexicon.Reading("兹"));     // tie cí (龟兹, historical) / zī (霍索固兹): the current name wins
        Assert.True(lexicon.TryGetWord("玛热勒巴什", out var word));
        Assert.Equal(["mǎ", "rè", "lēi", "bā", "shí"], word);
    }

    [Fact]
    public void Lexicon_BuildingAndReadingEveryDatasetName_NeverLoadsHanLatin()
    {
        var transform = new PinyinTransform(() => PinyinLexicon.Build(Catalog.Places, Catalog.Terms, PinyinSyllables.FromEmbeddedData()));

        _ = transform.Lexicon;
        foreach (var place in Catalog.Places.Where(p => p.GetName("zh-Latn-pinyin") is not null))
        {
            _ = transform.Transliterate(place.ChineseName.Text, tones: true);
        }

        Assert.False(transform.IsFallbackLoaded);
        _ = transform.Transliterate("北京", tones: true); // 京 is in no name of the dataset
        Assert.True(transform.IsFallbackLoaded);
    }
}
