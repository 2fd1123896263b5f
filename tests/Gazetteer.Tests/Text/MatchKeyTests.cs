using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Text;

public sealed class MatchKeyTests
{
    [Property(MaxTest = 500)]
    public bool MatchKey_IsAsciiLowercaseAndIdempotent(string? text)
    {
        var key = MatchKey.Compute(text ?? string.Empty);
        return key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') && MatchKey.Compute(key) == key;
    }

    [Property(MaxTest = 300)]
    public bool MatchKey_RegionalText_IsAsciiAndIdempotent(NonNull<string> seed) =>
        RegionalText.Samples(seed.Get).All(t =>
        {
            var key = MatchKey.Compute(t);
            return key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') && MatchKey.Compute(key) == key;
        });

    [Theory]
    [InlineData("Xoten", "ug-Latn", "Hoten", "en")] // ULY x / h
    [InlineData("Khotan", "en", "Hotan", "en")] // kh / h
    [InlineData("Ghulja", "ug-Latn", "Gulja", "en")] // gh / g
    [InlineData("Qumul", "ug-Latn", "Kumul", "en")] // q / k
    [InlineData("Ürümchi", "ug-Latn", "Ürümqi", "ug-Latn-x-gnc")] // ch / q (GNC)
    [InlineData("Shinyuan", "en", "Xīnyuán", "zh-Latn-pinyin")] // sh / x (pinyin)
    [InlineData("Shinjang Uyghur", "ug-Latn", "Xinjang Uyĝur", "ug-Latn-x-gnc")] // sh / x (GNC)
    [InlineData("Yëngisheher", "ug-Latn", "Yéngisheher", "ug-Latn")] // ë / é
    [InlineData("Zhaosu", "en", "Jaosu", "en")] // zh / j
    [InlineData("Tékes", "ug-Latn", "Tekes", "en")] // é / e
    [InlineData("Toqquztara", "ug-Latn", "Toquztara", "en")] // doubled letters
    [InlineData("Ālā'ěr", "zh-Latn-pinyin", "Alaer", "en")] // apostrophe, tone marks
    [InlineData("Dörbiljin", "ug-Latn", "Дөрбілжін", "kk-Cyrl")] // ö / o, script
    [InlineData("Tarbaghatay", "ug-Latn", "تارباعاتاي", "kk-Arab")]
    public void MatchKey_RomanizationsOfOneName_Collide(string a, string langA, string b, string langB) =>
        Assert.Equal(MatchKey.ForName(a, langA), MatchKey.ForName(b, langB));

    [Theory]
    [InlineData("Aksu", "Akto")]
    [InlineData("Hotan", "Hoxud")]
    [InlineData("Yining", "Yiwu")]
    [InlineData("Shule", "Shufu")]
    [InlineData("Qira", "Qiemo")]
    public void MatchKey_DifferentNames_StayApart(string a, string b) =>
        Assert.NotEqual(MatchKey.Compute(a), MatchKey.Compute(b));

    [Fact]
    public void MatchKey_SharedByCurrentDivisions_OnlyTheListedCases()
    {
        var catalog = PlaceCatalog.Default;
        var shared = catalog.MatchKeyIndex
            .Select(entry => (entry.Key, Codes: entry.Value.Where(m => !m.Place.IsHistorical && !m.Name.IsHistorical).Select(m => m.Place.Code).Distinct().Order().ToArray()))
            .Where(e => e.Codes.Length > 1)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}\t{string.Join(' ', e.Codes)}");

        ExpectedList.AssertMatches("expected-shared-match-keys.txt", shared, "match keys shared by several current divisions");
    }

    [Fact]
    public void MatchKey_Chinese_ReadsOnlyWithTheDatasetLexiconNeverWithIcuHanLatin()
    {
        // 新疆 is in the dataset's lexicon; 龘 is not. The key reads the first and gives up on the second (no truncated
        // key, and no fallback reading: ICU's Han-Latin, which the Pinyin transform uses for such characters, is not
        // called on the lookup and search path).
        Assert.Equal("sinjiang", MatchKey.ForName("新疆", "zh-Hans"));
        Assert.Equal(string.Empty, MatchKey.HanToPinyin("新疆龘"));
        Assert.Equal(string.Empty, MatchKey.ForName("县", "zh-Hans"));
        Assert.Empty(PlaceCatalog.Default.Lookup("龘龘"));
    }

    [Fact]
    public void Transliterate_ToMatchKeyTag_UsesTheSourceScheme() =>
        Assert.Equal("urumci", Transliterator.Transliterate("Ürümqi", "ug-Latn-x-gnc", MatchKey.Tag));
}
