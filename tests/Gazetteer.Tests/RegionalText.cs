namespace Gazetteer.Tests;

/// <summary>Builds strings from the alphabets of the region plus the look-alikes and invisible characters real text has,
/// so that properties see Uyghur, Kazakh, Chinese and Latin text, not only random code points.</summary>
internal static class RegionalText
{
    private const string Uyghur = "ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە";
    private const string Kazakh = "ابپتجچحدرزسشعفقكگڭلمنوۇۆۋىيەھٴء";
    private const string Cyrillic = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБҒҚҢӨҰҮІ";
    private const string Latin = "abcdefghijklmnopqrstuvwxyzäöüéëçğşıñńúāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜABCDÜÖ";
    private const string Han = "新疆维吾尔自治区塔城地额敏县乌苏市沙湾喀什和田阿勒泰伊犁哈萨克";
    private const string Noise = "\u06CC\u0647\u06A9\u0640\u200B\u200C\u200D\u202B\u202C\u2066\uFEFF\uFB8E\uFEE9’ʼʻ`'-–（）() \t";

    public static IEnumerable<string> Samples(string seed)
    {
        var random = new Random(seed.GetHashCode(StringComparison.Ordinal));
        foreach (var alphabet in new[] { Uyghur, Kazakh, Cyrillic, Latin, Han })
        {
            var chars = new char[random.Next(1, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                var pool = random.Next(6) == 0 ? Noise : alphabet;
                chars[i] = pool[random.Next(pool.Length)];
            }

            yield return new string(chars);
        }
    }
}
