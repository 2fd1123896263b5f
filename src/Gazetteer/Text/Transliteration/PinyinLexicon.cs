using System.Text;

namespace Gazetteer.Text.Transliteration;

/// <summary>A Chinese name and a Pinyin name of the same division, aligned character by syllable.</summary>
/// <param name="Code">The division.</param>
/// <param name="Han">The name in Chinese characters (as written: simplified or traditional).</param>
/// <param name="Pinyin">The attested Pinyin.</param>
/// <param name="Pairing">Why the two names are taken to be the same name (see <see cref="PinyinLexicon"/>).</param>
/// <param name="IsHistorical">Whether the Chinese name is historical.</param>
/// <param name="Words">The words of the Pinyin with the characters each spells and its lower-case syllables.</param>
internal sealed record AttestedPinyin(string Code, string Han, string Pinyin, string Pairing, bool IsHistorical, IReadOnlyList<(string Han, string[] Syllables)> Words);

/// <summary>An attested Pinyin name the lexicon does not use, and why.</summary>
internal sealed record UnusedPinyin(string Code, string Pinyin, string Reason);

/// <summary>Readings of Chinese characters in Xinjiang place names, derived from the dataset's own attested Pinyin:
/// every Chinese name of a division paired with a Pinyin name of the same division, aligned character by syllable.</summary>
/// <remarks>
/// <para>Pairs: the <c>zh</c> and <c>pinyin</c> columns of each <c>places.csv</c> row; and each <c>names.csv</c>
/// Pinyin name with tone marks, paired with (1) the Chinese name of the division its curator's note quotes ("Pinyin of
/// 布古尔县"), with that name's twin in the other script (龜茲 / 龟兹: same kind and period); else (2) for a short form,
/// the division's <c>zh</c> without its generic word; else (3) the only Chinese name of the division with the same
/// kind and period. Pinyin without tone marks (Tuokexun) is not used. A pair is aligned when the Pinyin splits into as
/// many syllables (<see cref="PinyinSyllables"/>) as the Chinese name has characters; its words then map to runs of
/// characters.</para>
/// <para>From the distinct aligned pairs: every word of two or more characters with its syllables (塔什库尔干 →
/// tǎ shí kù ěr gān), and for every character the syllable it is read with most often (勒: lè 7 times, lēi twice); ties
/// go to the reading seen in more current names, then the first in ordinal order. Generic words and ethnonyms are spelled as
/// <c>data/generic-terms.csv</c> spells them: each zh-Hans term is paired with the zh-Latn-pinyin term of the same role
/// whose syllables are readings its characters have in the pairs (自治县 → Zìzhìxiàn).</para>
/// <para>Nothing here uses ICU's Han-Latin. Immutable and thread-safe.</para>
/// </remarks>
internal sealed class PinyinLexicon
{
    private readonly Dictionary<string, string[]> words;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> wordSpans;
    private readonly Dictionary<string, string> readings;
    private readonly Dictionary<string, string> termSpellings;

    private PinyinLexicon(
        GenericTerms terms,
        IReadOnlyList<AttestedPinyin> pairs,
        IReadOnlyList<UnusedPinyin> unused,
        Dictionary<string, string[]> words,
        Dictionary<string, string> readings,
        Dictionary<string, IReadOnlyList<string>> allReadings,
        Dictionary<string, string> termSpellings)
    {
        Terms = terms;
        Pairs = pairs;
        Unused = unused;
        this.words = words.ToDictionary(StringComparer.Ordinal);
        wordSpans = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
        LongestWord = words.Count == 0 ? 0 : words.Keys.Max(k => k.Length);
        this.readings = readings.ToDictionary(StringComparer.Ordinal);
        AllReadings = allReadings.ToDictionary(StringComparer.Ordinal);
        this.termSpellings = termSpellings.ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the generic words and ethnonyms the lexicon spells.</summary>
    public GenericTerms Terms { get; }

    /// <summary>Gets the aligned pairs the lexicon is built from, in data order.</summary>
    public IReadOnlyList<AttestedPinyin> Pairs { get; }

    /// <summary>Gets the attested Pinyin names not used, with the reason.</summary>
    public IReadOnlyList<UnusedPinyin> Unused { get; }

    /// <summary>Gets every reading each character has in the pairs, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllReadings { get; }

    /// <summary>Gets the length in UTF-16 units of the longest word.</summary>
    public int LongestWord { get; }

    /// <summary>Gets the zh-Hans generic terms and ethnonyms that have no zh-Latn-pinyin spelling in
    /// <c>generic-terms.csv</c> (their Pinyin is composed from the readings of their characters).</summary>
    public IReadOnlyList<string> UnspelledTerms => [.. Terms.All.Where(t => t.Language == "zh-Hans" && !termSpellings.ContainsKey(t.Text)).Select(t => t.Text)];

    /// <summary>Builds the lexicon from the names of the divisions.</summary>
    /// <param name="places">The divisions with their attested names.</param>
    /// <param name="terms">The generic terms (<c>data/generic-terms.csv</c>).</param>
    /// <param name="syllables">The Pinyin syllables.</param>
    /// <param name="exclude">Pairs to leave out (to measure how the lexicon does on names it has not seen), or null.</param>
    public static PinyinLexicon Build(IEnumerable<Place> places, GenericTerms terms, PinyinSyllables syllables, Func<AttestedPinyin, bool>? exclude = null)
    {
        var pairs = new List<AttestedPinyin>();
        var unused = new List<UnusedPinyin>();
        foreach (var place in places)
        {
            Pair(place, terms, syllables, pairs, unused);
        }

        var used = pairs.Where(p => exclude is null || !exclude(p)).DistinctBy(p => (p.Han, p.Pinyin)).ToList();
        var wordCounts = new Dictionary<string, Dictionary<string, (int All, int Current)>>(StringComparer.Ordinal);
        var charCounts = new Dictionary<string, Dictionary<string, (int All, int Current)>>(StringComparer.Ordinal);
        foreach (var pair in used)
        {
            foreach (var (han, word) in pair.Words)
            {
                var runes = Runes(han);
                if (runes.Count >= 2)
                {
                    Count(wordCounts, han, string.Join(' ', word), pair.IsHistorical);
                }

                for (var i = 0; i < runes.Count; i++)
                {
                    Count(charCounts, runes[i], word[i], pair.IsHistorical);
                }
            }
        }

        var words = wordCounts.ToDictionary(w => w.Key, w => Ranked(w.Value)[0].Split(' '), StringComparer.Ordinal);
        var allReadings = charCounts.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)Ranked(c.Value), StringComparer.Ordinal);
        var readings = allReadings.ToDictionary(c => c.Key, c => c.Value[0], StringComparer.Ordinal);
        return new PinyinLexicon(terms, pairs, unused, words, readings, allReadings, SpellTerms(terms, syllables, allReadings));
    }

    /// <summary>Gets the syllables of a word of two or more characters.</summary>
    public bool TryGetWord(ReadOnlySpan<char> han, out string[] syllables) => wordSpans.TryGetValue(han, out syllables!);

    /// <summary>Gets the most frequent reading of one character (a string of one Unicode scalar), or null.</summary>
    public string? Reading(string character) => readings.GetValueOrDefault(character);

    /// <summary>Gets the <c>generic-terms.csv</c> spelling of a zh-Hans generic word or ethnonym, or null.</summary>
    public string? TermSpelling(string term) => termSpellings.GetValueOrDefault(term);

    /// <summary>Splits text into Unicode scalars, each as a string (a surrogate pair stays together).</summary>
    internal static List<string> Runes(string text)
    {
        var result = new List<string>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            result.Add(rune.ToString());
        }

        return result;
    }

    private static void Pair(Place place, GenericTerms terms, PinyinSyllables syllables, List<AttestedPinyin> pairs, List<UnusedPinyin> unused)
    {
        var chinese = place.Names.Where(n => n.Origin == NameOrigin.Attested && n.Language is "zh-Hans" or "zh-Hant").ToList();
        foreach (var pinyin in place.Names.Where(n => n.Origin == NameOrigin.Attested && n.Language == "zh-Latn-pinyin"))
        {
            if (!PinyinSpelling.HasToneMark(pinyin.Text))
            {
                unused.Add(new UnusedPinyin(place.Code, pinyin.Text, "no tone marks"));
                continue;
            }

            var split = pinyin.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(syllables.Segment).ToList();
            if (split.Any(s => s is null))
            {
                unused.Add(new UnusedPinyin(place.Code, pinyin.Text, "not made of Pinyin syllables"));
                continue;
            }

            var count = split.Sum(s => s!.Length);
            var candidates = new List<(string Han, bool Historical, string Pairing)>();
            if (pinyin.IsPrimary)
            {
                candidates.Add((place.ChineseName.Text, place.ChineseName.IsHistorical, "places.csv: zh and pinyin of the row"));
            }
            else
            {
                var quoted = HanRuns(pinyin.Note ?? string.Empty);
                var named = chinese.Where(c => quoted.Contains(c.Text) && RuneCount(c.Text) == count).ToList();
                var twins = chinese.Where(c => !named.Contains(c) && RuneCount(c.Text) == count
                    && named.Any(n => n.Language != c.Language && n.Kind == c.Kind && n.ValidFrom == c.ValidFrom && n.ValidTo == c.ValidTo)).ToList();
                var alike = chinese.Where(c => !c.IsPrimary && c.Kind == pinyin.Kind && c.ValidFrom == pinyin.ValidFrom && c.ValidTo == pinyin.ValidTo && RuneCount(c.Text) == count).ToList();
                if (named.Count > 0)
                {
                    candidates.AddRange(named.Select(n => (n.Text, n.IsHistorical, "names.csv: the Chinese name its note quotes")));
                    candidates.AddRange(twins.Select(n => (n.Text, n.IsHistorical, "names.csv: the same name in the other script as the one its note quotes")));
                }
                else if (pinyin.Kind == NameKind.ShortForm && terms.Strip(place.ChineseName.Text) is { } bare && RuneCount(bare) == count)
                {
                    candidates.Add((bare, place.ChineseName.IsHistorical, "names.csv short form: zh without its generic word"));
                }
                else if (alike.Count == 1)
                {
                    candidates.Add((alike[0].Text, alike[0].IsHistorical, "names.csv: the only Chinese name of the division of the same kind and period"));
                }
            }

            if (candidates.Count == 0)
            {
                unused.Add(new UnusedPinyin(place.Code, pinyin.Text, "no Chinese name of the division pairs with it"));
            }

            foreach (var (han, historical, pairing) in candidates)
            {
                var runes = Runes(han);
                if (runes.Count != count || !runes.All(IsHan))
                {
                    unused.Add(new UnusedPinyin(place.Code, pinyin.Text, $"{count} syllables for the {runes.Count} characters of '{han}'"));
                    continue;
                }

                var aligned = new List<(string, string[])>();
                var at = 0;
                foreach (var word in split)
                {
                    aligned.Add((string.Concat(runes.Skip(at).Take(word!.Length)), word.Select(PinyinSpelling.Lower).ToArray()));
                    at += word.Length;
                }

                pairs.Add(new AttestedPinyin(place.Code, han, pinyin.Text, pairing, historical, aligned));
            }
        }
    }

    private static Dictionary<string, string> SpellTerms(GenericTerms terms, PinyinSyllables syllables, Dictionary<string, IReadOnlyList<string>> readings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms.All.Where(t => t.Language == "zh-Hans"))
        {
            var runes = Runes(term.Text);
            var matches = terms.All
                .Where(t => t.Language == "zh-Latn-pinyin" && t.Role == term.Role)
                .Where(t => syllables.Segment(t.Text) is { } s && s.Length == runes.Count
                    && s.Select(PinyinSpelling.Lower).Zip(runes).All(x => readings.TryGetValue(x.Second, out var r) && r.Contains(x.First)))
                .ToList();
            if (matches.Count == 1)
            {
                result[term.Text] = matches[0].Text;
            }
        }

        return result;
    }

    private static void Count(Dictionary<string, Dictionary<string, (int All, int Current)>> counts, string key, string reading, bool historical)
    {
        if (!counts.TryGetValue(key, out var byReading))
        {
            counts[key] = byReading = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        }

        var (all, current) = byReading.GetValueOrDefault(reading);
        byReading[reading] = (all + 1, current + (historical ? 0 : 1));
    }

    private static List<string> Ranked(Dictionary<string, (int All, int Current)> counts) =>
        [.. counts.OrderByDescending(c => c.Value.All).ThenByDescending(c => c.Value.Current).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)];

    private static HashSet<string> HanRuns(string text)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        var run = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Characters.IsHan(rune))
            {
                run.Append(rune.ToString());
            }
            else if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        if (run.Length > 0)
        {
            runs.Add(run.ToString());
        }

        return runs;
    }

    private static int RuneCount(string text) => text.EnumerateRunes().Count();

    private static bool IsHan(string character) => Rune.DecodeFromUtf16(character, out var rune, out _) == System.Buffers.OperationStatus.Done && Characters.IsHan(rune);
}
