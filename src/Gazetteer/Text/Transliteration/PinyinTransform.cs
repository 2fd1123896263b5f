using System.Text;

namespace Gazetteer.Text.Transliteration;

/// <summary>Chinese characters to Hanyu Pinyin in the official place-name orthography (1984 place-name rules, GB/T
/// 16159 4.2.4): 塔什库尔干塔吉克自治县 → Tǎshíkù'ěrgān Tǎjíkè Zìzhìxiàn.</summary>
/// <remarks>
/// <para>Each run of Chinese characters is one name. Its generic word and the ethnonym before it
/// (<see cref="GenericTerms.SplitHan"/>) are written apart, capitalised, as <c>data/generic-terms.csv</c> spells them
/// (a generic word the file gives no Pinyin for, 州, stays joined to the name: 博州 Bózhōu, as attested);
/// the specific part is one capitalised word with the syllable apostrophe before a later syllable that begins with a,
/// o or e. Readings come from the <see cref="PinyinLexicon"/> derived from the dataset: the longest word it knows, else
/// the character's most frequent reading; only a character the dataset never shows is read by ICU's built-in
/// <c>Han-Latin</c>, which is loaded at that moment and not before. Other text passes through unchanged.</para>
/// <para>Thread-safe: the lexicon is built once, on first use; ICU instances are pooled.</para>
/// </remarks>
internal sealed class PinyinTransform
{
    private readonly Lazy<PinyinLexicon> lexicon;
    private readonly IcuBuiltInTransform hanLatin;

    /// <summary>Creates the transform; nothing is built or loaded until the first call.</summary>
    /// <param name="build">Builds the lexicon (called once, on first use).</param>
    /// <param name="hanLatin">ICU's Han-Latin for characters the lexicon lacks, to share one between transforms; or null for a new one.</param>
    public PinyinTransform(Func<PinyinLexicon> build, IcuBuiltInTransform? hanLatin = null)
    {
        lexicon = new Lazy<PinyinLexicon>(build, LazyThreadSafetyMode.ExecutionAndPublication);
        this.hanLatin = hanLatin ?? new IcuBuiltInTransform("Han-Latin");
    }

    /// <summary>Gets the lexicon (built on first access).</summary>
    public PinyinLexicon Lexicon => lexicon.Value;

    /// <summary>Gets a value indicating whether ICU's Han-Latin has been loaded for a character the data lacks.</summary>
    public bool IsFallbackLoaded => hanLatin.IsLoaded;

    /// <summary>The transform over the built-in data: the catalogue's names and generic terms, the embedded syllables.</summary>
    public static PinyinTransform FromEmbeddedData() =>
        new(() => PinyinLexicon.Build(PlaceCatalog.Default.Places, PlaceCatalog.Default.Terms, PinyinSyllables.FromEmbeddedData()));

    /// <summary>Writes every run of Chinese characters in Pinyin; other text passes through.</summary>
    /// <param name="text">Any text free of unpaired surrogates.</param>
    /// <param name="tones">False to leave out the tone marks (zh-Latn-pinyin-x-toneless).</param>
    public string Transliterate(string text, bool tones)
    {
        var start = FindHan(text, 0);
        if (start < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 4);
        var at = 0;
        while (start >= 0)
        {
            var end = start;
            while (end < text.Length && HanLength(text, end) is > 0 and var length)
            {
                end += length;
            }

            builder.Append(text, at, start - at).Append(Name(text[start..end], tones));
            at = end;
            start = FindHan(text, end);
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Writes one name in Chinese characters (no other characters) in Pinyin.</summary>
    public string Name(string han, bool tones)
    {
        var lex = lexicon.Value;
        var parts = lex.Terms.SplitHan(han);
        if (parts.Generic is { } word && lex.TermSpelling(word) is null)
        {
            // a generic word generic-terms.csv gives no Pinyin for (州, short for 自治州) stays part of the name, as in
            // the attested Bózhōu (博州) and Yīzhōu (伊州)
            parts = new HanNameParts(han, null, null);
        }

        var words = new List<string>(3) { PinyinSpelling.Word(Syllables(parts.Specific)) };
        if (parts.Ethnonym is { } ethnonym)
        {
            words.Add(lex.TermSpelling(ethnonym)
                ?? (ethnonym.EndsWith('族') && lex.TermSpelling(ethnonym[..^1]) is { } people
                    ? people + string.Concat(Syllables("族"))
                    : PinyinSpelling.Word(Syllables(ethnonym))));
        }

        if (parts.Generic is { } generic)
        {
            words.Add(lex.TermSpelling(generic) ?? PinyinSpelling.Word(Syllables(generic)));
        }

        var name = string.Join(' ', words);
        return tones ? name : PinyinSpelling.RemoveTones(name);
    }

    /// <summary>The lower-case syllables of a run of Chinese characters: the longest lexicon word at each point, else
    /// the character's reading, else Han-Latin's (<see cref="ReadWithIcu"/>), else the character itself.</summary>
    public List<string> Syllables(string han)
    {
        var lex = lexicon.Value;
        var runes = PinyinLexicon.Runes(han);
        var offsets = new int[runes.Count + 1];
        for (var i = 0; i < runes.Count; i++)
        {
            offsets[i + 1] = offsets[i] + runes[i].Length;
        }

        var result = new List<string>(runes.Count);
        var unread = new List<string>();
        for (var i = 0; i < runes.Count;)
        {
            var matched = false;
            for (var j = runes.Count; j >= i + 2 && !matched; j--)
            {
                if (offsets[j] - offsets[i] <= lex.LongestWord && lex.TryGetWord(han.AsSpan(offsets[i], offsets[j] - offsets[i]), out var word))
                {
                    ReadWithIcu(unread, result);
                    result.AddRange(word);
                    i = j;
                    matched = true;
                }
            }

            if (!matched)
            {
                if (lex.Reading(runes[i]) is { } reading)
                {
                    ReadWithIcu(unread, result);
                    result.Add(reading);
                }
                else
                {
                    unread.Add(runes[i]);
                }

                i++;
            }
        }

        ReadWithIcu(unread, result);
        return result;
    }

    /// <summary>Reads a run of characters the dataset never shows with ICU's Han-Latin, the run at once so that its
    /// few phrase readings apply (重庆 chóng qìng), else character by character; a character Han-Latin cannot read
    /// stays as it is.</summary>
    private void ReadWithIcu(List<string> unread, List<string> result)
    {
        if (unread.Count == 0)
        {
            return;
        }

        var syllables = hanLatin.Apply(string.Concat(unread)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (syllables.Length != unread.Count)
        {
            syllables = [.. unread.Select(c => hanLatin.Apply(c).Trim())];
        }

        for (var i = 0; i < unread.Count; i++)
        {
            var syllable = syllables[i];
            result.Add(syllable.Length == 0 || FindHan(syllable, 0) >= 0 || syllable.Contains(' ', StringComparison.Ordinal)
                ? unread[i]
                : PinyinSpelling.Lower(syllable));
        }

        unread.Clear();
    }

    private static int FindHan(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (HanLength(text, i) > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The UTF-16 length of the Chinese character at an index, or 0 when there is none.</summary>
    private static int HanLength(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) == System.Buffers.OperationStatus.Done && Characters.IsHan(rune) ? length : 0;
}
