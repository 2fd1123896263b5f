using System.Text;
using ICU4N.Globalization;
using ICU4N.Text;

namespace Gazetteer.Text;

/// <summary>Checks that text is written in the script its language tag says, with the proper letters.</summary>
internal static class ScriptCheck
{
    private static readonly Normalizer2 Nfc = Normalizer2.NFCInstance;

    /// <summary>Finds the first letter whose Unicode script (ICU) is neither <paramref name="script"/> nor Common/Inherited.</summary>
    /// <returns>The character offset and the ISO 15924 code of the script found, or null when all letters fit.</returns>
    public static (int Offset, string Script)? FindForeignLetter(string text, string script)
    {
        var offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                var code = UScript.GetScript(rune.Value);
                if (code != UScript.Common && code != UScript.Inherited)
                {
                    var name = UScript.GetShortName(code);
                    if (!string.Equals(name, script, StringComparison.Ordinal))
                    {
                        return (offset, name);
                    }
                }
            }

            offset += rune.Utf16SequenceLength;
        }

        return null;
    }

    /// <summary>Finds a look-alike or invisible character that does not belong in a name of this language.</summary>
    /// <returns>The offset, the code point and what is expected instead, or null.</returns>
    public static (int Offset, int CodePoint, string Expected)? FindLookAlike(string text, string language)
    {
        var turkicArabic = language is "ug-Arab" or "kk-Arab" or "ky-Arab";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? expected = c switch
            {
                '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
                    => "no invisible formatting characters",
                '\u200C' when language != "fa" => "no zero-width non-joiner",
                '\u0640' => "no tatweel (kashida)",
                >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => "the base Arabic letter, not a presentation form",
                '\u06CC' when turkicArabic => "U+0649 ى (vowel i) or U+064A ي (consonant y), not Farsi Yeh",
                '\u0647' or '\u06C1' when turkicArabic => "U+06D5 ە (vowel e) or U+06BE ھ (consonant h), not Heh",
                '\u06A9' when turkicArabic => "U+0643 ك Kaf, not Keheh",
                '\u0621' when language == "kk-Arab" => "U+0674 ٴ High Hamza as the front-vowel mark",
                _ => null,
            };
            if (expected is not null)
            {
                return (i, c, expected);
            }
        }

        return null;
    }

    /// <summary>Whether the text is in Unicode NFC.</summary>
    public static bool IsNfc(string text) => Nfc.IsNormalized(text);
}
