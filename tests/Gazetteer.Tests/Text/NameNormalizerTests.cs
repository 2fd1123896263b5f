using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Text;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Ürümqi", "ürümqi")]
    [InlineData("  Emin\t County ", "emin county")]
    [InlineData("ＥＭＩＮ", "emin")] // fullwidth Latin (NFKC)
    [InlineData("Ala’er", "ala'er")]
    [InlineData("Ala\u02BCer", "ala'er")]
    [InlineData("Ala`er", "ala'er")]
    [InlineData("Emin（Dorbiljin）", "emin(dorbiljin)")]
    [InlineData("Wu\u2013lu", "wu-lu")]
    [InlineData("Dör\u200Bbiljin", "dörbiljin")] // zero-width space
    [InlineData("\u202Bدۆربىلجىن\u202C", "دۆربىلجىن")] // bidi embedding
    [InlineData("دۆربـىلجىن", "دۆربىلجىن")] // tatweel
    [InlineData("میدونگ", "مىدونگ")] // Farsi Yeh -> Alef Maksura
    [InlineData("يېڭى", "ىېڭى")] // Arabic Yeh -> Alef Maksura
    [InlineData("ڪ", "ڪ")]
    [InlineData("ﺋﺎﻻﺗﺎﯞ", "ئالاتاۋ")] // presentation forms
    [InlineData("شەھىرى", "شەەىرى")]
    [InlineData("شههىرى", "شەەىرى")] // Heh typed for Ae and for Heh Doachashmee
    [InlineData("خوتهن", "خوتەن")]
    [InlineData("کۆک", "كۆك")] // Keheh -> Kaf
    [InlineData("ТАРБАҒАТАЙ", "тарбағатай")]
    public void Normalize_Examples(string input, string expected) => Assert.Equal(expected, NameNormalizer.Normalize(input));

    [Theory]
    [InlineData("Ürümqi", "urumqi")]
    [InlineData("Ālā'ěr Shì", "alaershi")]
    [InlineData("Wu-lu-mu-ch'i", "wulumuchi")]
    [InlineData("ئۈرۈمچى", "ۈرۈمچى")]
    [InlineData("ءدوربىلجىن", "دوربىلجىن")]
    [InlineData("ٴدوربىلجىن", "دوربىلجىن")]
    [InlineData("Şıñgıl", "singil")]
    public void Fold_Examples(string input, string expected) => Assert.Equal(expected, NameNormalizer.Fold(input));

    [Property(MaxTest = 1000)]
    public bool Normalize_IsIdempotent(string? text)
    {
        text ??= string.Empty;
        var once = NameNormalizer.Normalize(text);
        return NameNormalizer.Normalize(once) == once;
    }

    [Property(MaxTest = 500)]
    public bool Normalize_IsIdempotentOnRegionalText(NonNull<string> seed) =>
        RegionalText.Samples(seed.Get).All(t => NameNormalizer.Normalize(NameNormalizer.Normalize(t)) == NameNormalizer.Normalize(t));

    [Property(MaxTest = 1000)]
    public bool Fold_IsIdempotent(string? text)
    {
        text ??= string.Empty;
        var once = NameNormalizer.Fold(text);
        return NameNormalizer.Fold(once) == once;
    }

    [Property(MaxTest = 1000)]
    public bool Normalize_AsciiFastPath_AgreesWithIcuPath(string? text)
    {
        var ascii = new string((text ?? string.Empty).Where(c => c is >= ' ' and < '\u007F').ToArray());
        return NameNormalizer.Normalize(ascii) == NameNormalizer.NormalizeWithIcu(ascii);
    }

    [Property(MaxTest = 300)]
    public bool Normalize_YieldsNfcWithoutSurrogateDebris(string? text)
    {
        var result = NameNormalizer.Normalize(text ?? string.Empty);
        return ICU4N.Text.Normalizer2.NFCInstance.IsNormalized(result) && HasPairedSurrogates(result);
    }

    [Fact]
    public void Normalize_LoneSurrogatesAndControls_DoNotThrow()
    {
        Assert.Equal("a\uFFFDb", NameNormalizer.Normalize("a\uD800b"));
        Assert.Equal("\uFFFD", NameNormalizer.Normalize("\uDC00"));
        Assert.Equal("ab", NameNormalizer.Normalize("a\u0001b"));
        Assert.Equal(string.Empty, NameNormalizer.Normalize("\u200B \u200F"));
    }

    private static bool HasPairedSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
