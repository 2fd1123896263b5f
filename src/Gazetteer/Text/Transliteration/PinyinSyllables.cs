using System.Text;
using Gazetteer.Data;

namespace Gazetteer.Text.Transliteration;

/// <summary>The syllables of Hanyu Pinyin (<c>data/pinyin-syllables.txt</c>), and the segmentation of a written Pinyin
/// word into them: Tǎshíkù'ěrgān → tǎ shí kù ěr gān.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class PinyinSyllables
{
    public const string FileName = "pinyin-syllables.txt";

    private readonly HashSet<string> syllables;
    private readonly int longest;

    private PinyinSyllables(IEnumerable<string> syllables)
    {
        this.syllables = syllables.ToHashSet(StringComparer.Ordinal);
        longest = this.syllables.Max(s => s.Length);
    }

    public int Count => syllables.Count;

    /// <summary>Reads the embedded syllable list.</summary>
    public static PinyinSyllables FromEmbeddedData() => Read(DataSource.ReadEmbeddedText(FileName));

    /// <summary>Reads a syllable list: one toneless lower-case syllable a line, <c>#</c> comments.</summary>
    public static PinyinSyllables Read(string text) =>
        new(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));

    /// <summary>Whether a toneless lower-case string is a syllable.</summary>
    public bool Contains(string toneless) => syllables.Contains(toneless);

    /// <summary>Splits one written word (no spaces) into its syllables as written, with their tone marks and case;
    /// apostrophes separate syllables and are dropped.</summary>
    /// <remarks>Among the ways to split, the one is chosen that starts no syllable with a, o or e except after an
    /// apostrophe or at the start (1984 rule 11: Xiàn is one syllable, not Xi-àn), then the one with fewest syllables.
    /// A syllable carries at most one tone mark. A word written without the required apostrophe (Bóěrtǎlā) is still
    /// split, as bó ěr tǎ lā.</remarks>
    /// <returns>The syllables, or null when the word is not made of Pinyin syllables.</returns>
    public string[]? Segment(string word)
    {
        var result = new List<string>();
        foreach (var part in word.ToNfc().Split(['\'', '’', 'ʼ']))
        {
            if (part.Length > 0 && !SegmentPart(part, result))
            {
                return null;
            }
        }

        return result.Count == 0 ? null : [.. result];
    }

    private bool SegmentPart(string part, List<string> result)
    {
        var n = part.Length;
        var letters = new char[n];
        for (var i = 0; i < n; i++)
        {
            letters[i] = PinyinSpelling.BaseLetter(part[i]);
            if (letters[i] == '\0')
            {
                return false;
            }
        }

        // best[i]: the cheapest split of part[i..] as (syllables starting with a vowel but not after an apostrophe,
        // number of syllables), with next[i] the end of its first syllable
        var best = new (int Bad, int Count)?[n + 1];
        var next = new int[n + 1];
        best[n] = (0, 0);
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = Math.Min(n, i + longest); j > i; j--)
            {
                if (best[j] is not { } rest || !syllables.Contains(new string(letters, i, j - i)) || PinyinSpelling.ToneMarks(part[i..j]) > 1)
                {
                    continue;
                }

                var candidate = (Bad: rest.Bad + (i > 0 && letters[i] is 'a' or 'o' or 'e' ? 1 : 0), Count: rest.Count + 1);
                if (best[i] is not { } current || candidate.Bad < current.Bad || (candidate.Bad == current.Bad && candidate.Count < current.Count))
                {
                    best[i] = candidate;
                    next[i] = j;
                }
            }
        }

        if (best[0] is null)
        {
            return false;
        }

        for (var i = 0; i < n; i = next[i])
        {
            result.Add(part[i..next[i]]);
        }

        return true;
    }
}
