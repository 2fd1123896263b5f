using System.Text;

namespace Gazetteer.Text;

/// <summary>Character facts the library needs in several places: which characters are Chinese (Han), and text made safe
/// for ICU (which cannot process unpaired surrogates).</summary>
internal static class Characters
{
    /// <summary>Whether a character is a Han ideograph (CJK Unified Ideographs, Extension A and B–G, compatibility ideographs).</summary>
    public static bool IsHan(Rune rune) => rune.Value is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F;

    /// <summary>Whether the text is not empty and every character is Han.</summary>
    public static bool IsAllHan(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsHan(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether any character of the text is Han.</summary>
    public static bool ContainsHan(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every unpaired surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append('\uFFFD');
                continue;
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }
}
