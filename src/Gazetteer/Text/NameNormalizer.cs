using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace Gazetteer.Text;

/// <summary>Normalises place names for comparison: the keys under which the catalogue indexes and looks up names.</summary>
/// <remarks>
/// <para><see cref="Normalize"/> gives the primary key: Unicode NFKC with full case folding (which also removes
/// zero-width and bidi control characters), then the folds real text needs: Arabic presentation forms to letters,
/// Farsi Yeh / Arabic Yeh / Alef Maksura to one letter, Keheh to Kaf, Heh / Heh Goal / Heh Doachashmee / Ae to one letter,
/// tatweel removed, apostrophe, hyphen and bracket variants to one form each, white space collapsed.</para>
/// <para><see cref="Fold"/> gives the secondary key: the primary key without diacritics, without the hamza marks,
/// apostrophes, hyphens and spaces, so that "Urumqi" finds "Ürümqi" and "Alaer" finds "Ālā'ěr".</para>
/// <para>Both are idempotent and never throw on any string (lone surrogates become U+FFFD). Thread-safe.</para>
/// </remarks>
public static class NameNormalizer
{
    private static readonly Normalizer2 NfkcCaseFold = Normalizer2.NFKCCaseFoldInstance;
    private static readonly Normalizer2 Nfd = Normalizer2.NFDInstance;
    private static readonly System.Buffers.SearchValues<char> AsciiSeparators = System.Buffers.SearchValues.Create(" '-.");

    /// <summary>Returns the primary comparison key of a name.</summary>
    /// <param name="text">Any string.</param>
    /// <returns>The key; empty when the text has nothing but spaces and ignorable characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsSimpleAscii(text) ? NormalizeAscii(text) : NormalizeFull(text);
    }

    /// <summary>Returns the secondary comparison key: <see cref="Normalize"/> without diacritics, hamza marks,
    /// apostrophes, hyphens or spaces.</summary>
    /// <param name="text">Any string.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Fold(string text) => FoldNormalized(Normalize(text));

    /// <summary>Folds a string that is already a primary key.</summary>
    internal static string FoldNormalized(string normalized)
    {
        if (System.Text.Ascii.IsValid(normalized))
        {
            // ASCII has nothing to decompose and no marks: only the separators go, and a string without any is its own fold.
            return normalized.AsSpan().ContainsAny(AsciiSeparators) ? RemoveAsciiSeparators(normalized) : normalized;
        }

        // The hamza carrier ئ only marks a vowel-initial syllable; users often leave it out, so the fold drops it
        // before decomposition (which would otherwise leave its Yeh behind).
        var source = normalized.Contains('\u0626', StringComparison.Ordinal)
            ? normalized.Replace("\u0626", string.Empty, StringComparison.Ordinal)
            : normalized;
        // Decomposed into a rented buffer, then folded into another (a fold never lengthens text): one string made.
        var pool = System.Buffers.ArrayPool<char>.Shared;
        var decomposedBuffer = NormalizationBuffer.Rent(source.Length);
        char[]? foldedBuffer = null;
        try
        {
            var decomposed = NormalizationBuffer.Normalize(Nfd, source, decomposedBuffer);
            foldedBuffer = pool.Rent(decomposed.Length);
            var length = 0;
            foreach (var c in decomposed)
            {
                switch (c)
                {
                    case ' ' or '\'' or '-' or '.' or '\u0621' or '\u0674':
                        continue;
                    case '\u0131':
                        foldedBuffer[length++] = 'i';
                        continue;
                }

                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                {
                    continue;
                }

                foldedBuffer[length++] = c;
            }

            return new string(foldedBuffer, 0, length);
        }
        finally
        {
            pool.Return(decomposedBuffer);
            if (foldedBuffer is not null)
            {
                pool.Return(foldedBuffer);
            }
        }
    }

    private static string RemoveAsciiSeparators(string text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += AsciiSeparators.Contains(c) ? 0 : 1;
        }

        return string.Create(length, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!AsciiSeparators.Contains(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>The full (ICU) path of <see cref="Normalize"/>, exposed so tests can compare it with the ASCII path.</summary>
    internal static string NormalizeWithIcu(string text) => NormalizeFull(text);

    private static bool IsSimpleAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x7F || (c < 0x20 && c != ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static string NormalizeAscii(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..NormalizeAscii(text, buffer)]);
    }

    /// <summary>Normalises printable ASCII into <paramref name="destination"/> (at least as long as the text) without
    /// allocating; false when the text is not printable ASCII.</summary>
    internal static bool TryNormalizeAscii(ReadOnlySpan<char> text, Span<char> destination, out int length)
    {
        foreach (var c in text)
        {
            if (c >= 0x7F || (c < 0x20 && c != ' '))
            {
                length = 0;
                return false;
            }
        }

        length = NormalizeAscii(text, destination);
        return true;
    }

    private static int NormalizeAscii(ReadOnlySpan<char> text, Span<char> buffer)
    {
        // Same result as NormalizeFull for printable ASCII, without ICU: lower case, ` to ', [ ] { } to ( ), spaces collapsed.
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= 'A' and <= 'Z' => (char)(raw + 32),
                '`' => '\'',
                '[' or '{' => '(',
                ']' or '}' => ')',
                _ => raw,
            };
            if (c == ' ')
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        return length;
    }

    private static string NormalizeFull(string text)
    {
        // Case-folded into a rented buffer, then mapped into another: one string made.
        text = Characters.ReplaceLoneSurrogates(text);
        var pool = System.Buffers.ArrayPool<char>.Shared;
        var foldedBuffer = NormalizationBuffer.Rent(text.Length);
        char[]? output = null;
        try
        {
            var folded = NormalizationBuffer.Normalize(NfkcCaseFold, text, foldedBuffer);
            output = pool.Rent(folded.Length + 1);
            var length = 0;
            var pendingSpace = false;
            foreach (var original in folded)
            {
                var c = MapCharacter(original);
                if (c == '\0')
                {
                    continue;
                }

                if (c == ' ')
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    output[length++] = ' ';
                    pendingSpace = false;
                }

                output[length++] = c;
            }

            return new string(output, 0, length);
        }
        finally
        {
            pool.Return(foldedBuffer);
            if (output is not null)
            {
                pool.Return(output);
            }
        }
    }

    /// <summary>Maps one character of NFKC-case-folded text; '\0' drops it, ' ' is a space.</summary>
    private static char MapCharacter(char c)
    {
        switch (c)
        {
            case '\u0640': // tatweel
                return '\0';
            case '\u06CC' or '\u064A': // Farsi Yeh, Arabic Yeh -> Alef Maksura (Uyghur/Kazakh i)
                return '\u0649';
            case '\u06A9': // Keheh -> Kaf
                return '\u0643';
            case '\u0647' or '\u06C1' or '\u06BE': // Heh, Heh Goal, Heh Doachashmee -> Ae: sources and users mix all four
                return '\u06D5';
            case '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u02B9' or '\u02BD' or '\u0060' or '\u00B4' or '\u2032' or '\u055A' or '\uA78C':
                return '\'';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC':
                return '-';
            case '[' or '{' or '\u3010' or '\u3014' or '\u3016' or '\u300C' or '\u300E':
                return '(';
            case ']' or '}' or '\u3011' or '\u3015' or '\u3017' or '\u300D' or '\u300F':
                return ')';
            case '\u00B7' or '\u30FB' or '\u2022' or '\u3001':
                return ' ';
        }

        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        return char.IsControl(c) ? '\0' : c;
    }

}
