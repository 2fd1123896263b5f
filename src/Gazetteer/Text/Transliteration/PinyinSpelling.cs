using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace Gazetteer.Text.Transliteration;

/// <summary>Letters and words of Hanyu Pinyin as the place-name rules write them (1984 rules 10 and 11, GB/T 16159
/// 4.2.4): tone marks, the syllable apostrophe, capitals.</summary>
internal static class PinyinSpelling
{
    /// <summary>The apostrophe the dataset writes between syllables (ASCII, as in Ālā'ěr).</summary>
    public const char Apostrophe = '\'';

    /// <summary>Removes the four tone marks (macron, acute, caron, grave over a vowel), keeping ü and ê:
    /// Ālā'ěr Shì → Ala'er Shi, Lǚ → Lü.</summary>
    public static string RemoveTones(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }

        var decomposed = text.ToNfd();
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (!IsToneMark(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().ToNfc();
    }

    /// <summary>Whether text carries at least one tone mark.</summary>
    public static bool HasToneMark(string text) => text.ToNfd().Any(IsToneMark);

    /// <summary>Writes syllables as one word: the first letter capital, an apostrophe before every later syllable that
    /// begins with a, o or e (1984 rule 11): [tǎ, shí, kù, ěr, gān] → Tǎshíkù'ěrgān.</summary>
    /// <param name="syllables">Lower-case syllables; an element that is not Pinyin (a character no reading was found
    /// for) is written as it is.</param>
    public static string Word(IReadOnlyList<string> syllables)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < syllables.Count; i++)
        {
            var syllable = syllables[i];
            if (syllable.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0 && BaseLetter(syllable[0]) is 'a' or 'o' or 'e' or 'ê')
            {
                builder.Append(Apostrophe);
            }

            builder.Append(builder.Length == 0 ? Capitalize(syllable) : syllable);
        }

        return builder.ToString();
    }

    /// <summary>Upper-cases the first letter (Unicode simple case mapping: ǎ → Ǎ, ü → Ü).</summary>
    public static string Capitalize(string word) =>
        word.Length == 0 || !char.IsLower(word[0]) ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));

    /// <summary>The letter without tone mark and in lower case (ǎ → a, Ǘ → ü), or '\0' for a character that is not a
    /// Pinyin letter.</summary>
    public static char BaseLetter(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            return c;
        }

        if (c is >= 'A' and <= 'Z')
        {
            return (char)(c | 0x20);
        }

        if (c < '\u00C0')
        {
            return '\0';
        }

        var decomposed = char.ToLowerInvariant(c).ToString().ToNfd();
        var kept = new StringBuilder(2);
        foreach (var d in decomposed)
        {
            if (!IsToneMark(d))
            {
                kept.Append(d);
            }
        }

        var letter = kept.ToString().ToNfc();
        return letter.Length == 1 && letter[0] is >= 'a' and <= 'z' or 'ü' or 'ê' ? letter[0] : '\0';
    }

    /// <summary>Combining macron, acute, caron and grave: the tone marks of Pinyin.</summary>
    private static bool IsToneMark(char c) => c is '\u0304' or '\u0301' or '\u030C' or '\u0300';

    /// <summary>Counts the tone marks of a syllable (a valid syllable has at most one).</summary>
    internal static int ToneMarks(string syllable) =>
        syllable.ToNfd().Count(IsToneMark);

    /// <summary>Lower-cases a syllable with the invariant culture.</summary>
    internal static string Lower(string syllable) => syllable.ToLower(CultureInfo.InvariantCulture);

    /// <summary>Canonical decomposition with ICU (the runtime's own normaliser is unavailable in invariant-globalization mode).</summary>
    internal static string ToNfd(this string text) => Normalizer2.NFDInstance.Normalize(text);

    /// <summary>Canonical composition with ICU.</summary>
    internal static string ToNfc(this string text) => Normalizer2.NFCInstance.Normalize(text);
}
