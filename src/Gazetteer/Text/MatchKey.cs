namespace Gazetteer.Text;

/// <summary>The match key: any script → one lowercase ASCII phonetic skeleton (rule file
/// <c>data/transliteration/und_und-x-matchkey.txt</c>), under which the romanizations people use for one name collide
/// (Köktogay, Köktoqay, Көктоғай, كوكتوعاي → koktogai).</summary>
/// <remarks>Names in Pinyin or GNC, which write x for sh and q for ch, first pass through their own pre-map
/// (<c>zh-Latn-pinyin_und-Latn.txt</c>, <c>ug-Latn-x-gnc_und-Latn.txt</c>). A query's scheme is unknown, so
/// <see cref="ForQuery"/> gives both readings. Thread-safe.</remarks>
internal static class MatchKey
{
    public const string Tag = "und-x-matchkey";

    private const string PlainLatin = "und-Latn";
    private const string PinyinTag = "zh-Latn-pinyin";

    /// <summary>Passes of the key rules after the first, at most, while a merge may still apply.</summary>
    private const int MaxExtraPasses = 8;

    private static readonly System.Buffers.SearchValues<char> SchemeLetters = System.Buffers.SearchValues.Create("xXqQcC");

    /// <summary>The pre-maps by language, read straight from the embedded rule files (as is the key rule file): a Latin
    /// query needs no transform graph, and the graph no Pinyin lexicon, to get its key.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Transliteration.RuleTransform> Premaps = new(StringComparer.Ordinal);
    private static Transliteration.RuleTransform? keyRules;

    private static Transliteration.RuleTransform KeyRules => keyRules ??= RuleFile("und", Tag)
        ?? throw new InvalidOperationException("The match-key rule file und_und-x-matchkey.txt is missing from the assembly.");

    /// <summary>The key of a name in a known language or scheme.</summary>
    public static string ForName(string text, string language) => ForName(text, language, same: null);

    /// <summary>The keys of a query whose scheme is unknown: the plain reading, and the Pinyin/GNC reading when it differs.</summary>
    public static string[] ForQuery(string text)
    {
        if (Characters.ContainsHan(text))
        {
            return new[] { ForName(text, "zh-Hans") };
        }

        var plain = Compute(text);
        if (!text.AsSpan().ContainsAny(SchemeLetters))
        {
            return new[] { plain };
        }

        var pinyin = ForName(text, PinyinTag, same: plain);
        return pinyin == plain || pinyin.Length == 0 ? new[] { plain } : new[] { plain, pinyin };
    }

    /// <summary>The key under the general rules only.</summary>
    public static string Compute(string text) => Key(text, premap: null, same: null);

    /// <summary>The key of a name; <paramref name="same"/> itself when the key equals it (no new string).</summary>
    private static string ForName(string text, string language, string? same)
    {
        if (Characters.ContainsHan(text))
        {
            text = HanToPinyin(text);
            language = PinyinTag;
        }

        return Key(text, Premap(language), same);
    }

    /// <summary>The pre-map, then the key rules to their fixpoint: a merge can bring together letters that merge again
    /// (k·kh -> kh -> h), and a rule pass cannot look back before its own output; every pass after the first only
    /// shortens the key. Compiled rules run it all in one buffer; a file outside their subset runs on ICU4N.</summary>
    private static string Key(string text, Transliteration.RuleTransform? premap, string? same)
    {
        text = Characters.ReplaceLoneSurrogates(text);
        var rules = KeyRules;
        if ((premap is null || premap.Compiled is not null) && rules.Compiled is { } compiled)
        {
            return Transliteration.CompiledRules.ApplyToFixpoint(text, premap?.Compiled, compiled, MayMergeAgain, MaxExtraPasses, same);
        }

        var key = rules.ApplyFast(premap?.ApplyFast(text) ?? text);
        for (var pass = 0; pass < MaxExtraPasses && MayMergeAgain(key); pass++)
        {
            var next = rules.ApplyFast(key);
            if (next == key)
            {
                break;
            }

            key = next;
        }

        return key;
    }

    /// <summary>The pre-map of a language, if it has one; a language without one is not remembered, as callers may pass
    /// any tag.</summary>
    private static Transliteration.RuleTransform? Premap(string language) =>
        Premaps.TryGetValue(language, out var known) ? known
        : RuleFile(language, PlainLatin) is { } found ? Premaps.GetOrAdd(language, found)
        : null;

    private static Transliteration.RuleTransform? RuleFile(string from, string to) =>
        Data.DataSource.HasEmbedded($"transliteration/{from}_{to}.txt") ? new Transliteration.RuleTransform($"{from}_{to}.txt", from, to) : null;

    /// <summary>Whether another pass of the rules could change a key (a-z and 0-9 only, the output of a pass): only where
    /// the left side of a merge of step 5 is present — kh gh ch sh zh ts, x q v, a doubled letter, y not before a vowel
    /// or between i and a vowel. Saves the verifying pass for most keys; the idempotency property tests guard it.</summary>
    private static bool MayMergeAgain(ReadOnlySpan<char> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var previous = i > 0 ? key[i - 1] : '\0';
            var next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c is 'x' or 'q' or 'v' || previous == c
                || (c == 'h' && previous is 'k' or 'g' or 'c' or 's' or 'z')
                || (c == 's' && previous == 't')
                || (c == 'y' && (next is not ('a' or 'e' or 'i' or 'o' or 'u') || (previous == 'i' && next is not 'i'))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Chinese characters to toneless Pinyin syllables with the dataset's reading lexicon only: the longest word
    /// it knows, else the character's reading. ICU's Han-Latin is never
    /// loaded here, so the lookup path stays free of it. A reading is all or nothing: text with a character the lexicon
    /// cannot read, or that is only a generic word (县), gives no key at all rather than a truncated one.</summary>
    internal static string HanToPinyin(string text)
    {
        var lexicon = Transliterator.Rules.Pinyin?.Lexicon;
        if (lexicon is null || lexicon.Terms.All.Any(t => t.Language == "zh-Hans" && t.Text == text.Trim()))
        {
            return string.Empty;
        }

        var runes = Transliteration.PinyinLexicon.Runes(text);
        var sb = new System.Text.StringBuilder(text.Length * 3);
        for (var i = 0; i < runes.Count;)
        {
            var rune = runes[i];
            if (!Characters.IsHan(System.Text.Rune.GetRuneAt(rune, 0)))
            {
                sb.Append(rune);
                i++;
                continue;
            }

            var matched = false;
            for (var length = Math.Min(lexicon.LongestWord, runes.Count - i); length >= 2; length--)
            {
                if (lexicon.TryGetWord(string.Concat(runes.Skip(i).Take(length)), out var syllables))
                {
                    sb.Append(' ').AppendJoin(' ', syllables).Append(' ');
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                if (lexicon.Reading(rune) is not { } reading)
                {
                    return string.Empty;
                }

                sb.Append(' ').Append(reading).Append(' ');
                i++;
            }
        }

        return sb.ToString();
    }
}
