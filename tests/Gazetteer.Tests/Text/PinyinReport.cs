using System.Globalization;
using System.Text;
using Gazetteer.Text;
using Gazetteer.Text.Transliteration;

namespace Gazetteer.Tests.Text;

/// <summary>Builds <c>data/transliteration/PINYIN-vs-ICU.md</c>: the library's Pinyin of every division name against
/// the attested Pinyin, next to ICU's built-in Han-Latin (see <see cref="Data.GeneratedFilesTests"/>).</summary>
internal static class PinyinReport
{
    public const string FileName = "transliteration/PINYIN-vs-ICU.md";

    private static readonly IcuBuiltInTransform HanLatin = new("Han-Latin");

    /// <summary>One Chinese name with attested Pinyin, as the library and ICU write it.</summary>
    public sealed record Row(string Code, string Han, string Attested, string Ours, string LeaveOneOut, string Icu)
    {
        public bool OursRight => Same(Ours, Attested);

        public bool OursExact => Ours == Attested;

        public bool LeaveOneOutRight => Same(LeaveOneOut, Attested);

        public bool IcuRight => Same(Icu, Attested);
    }

    /// <summary>The known deviations of the library from attested Pinyin of <c>names.csv</c>, each with the reason;
    /// both are listed in the report. Any other deviation fails <see cref="PinyinDatasetTests"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDeviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Bóěrtǎlā Měnggǔzú Zìzhìzhōu"] = "printed without the syllable apostrophe that 1984 rule 11 requires before ěr (the same source family writes Bó'ěrtǎlā in places.csv).",
    };

    /// <summary>Compares ignoring only spaces, capitals and apostrophes: the syllables and their tone marks must agree.</summary>
    public static bool Same(string a, string b) => Key(a) == Key(b);

    public static string Key(string pinyin)
    {
        var builder = new StringBuilder(pinyin.Length);
        foreach (var c in pinyin.ToNfc())
        {
            if (!char.IsWhiteSpace(c) && c is not ('\'' or '’' or 'ʼ'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static string Icu(string han) => string.Join(' ', HanLatin.Apply(han).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The main Chinese name of every division with an attested <c>pinyin</c>.</summary>
    public static IReadOnlyList<Row> Divisions(PlaceCatalog catalog)
    {
        var syllables = PinyinSyllables.FromEmbeddedData();
        var rows = new List<Row>();
        foreach (var place in catalog.Places)
        {
            if (place.GetName("zh-Latn-pinyin") is { IsPrimary: true } pinyin)
            {
                var han = place.ChineseName.Text;
                rows.Add(new Row(place.Code, han, pinyin.Text, Transliterator.Transliterate(han, "zh-Hans", "zh-Latn-pinyin"), LeaveOneOut(catalog, syllables, han), Icu(han)));
            }
        }

        return rows;
    }

    /// <summary>The <c>names.csv</c> Pinyin names the lexicon pairs with a Chinese name (simplified or traditional).</summary>
    public static IReadOnlyList<Row> FurtherNames(PlaceCatalog catalog)
    {
        var syllables = PinyinSyllables.FromEmbeddedData();
        var lexicon = PinyinLexicon.Build(catalog.Places, catalog.Terms, syllables);
        var rows = new List<Row>();
        foreach (var pair in lexicon.Pairs.Where(p => !p.Pairing.StartsWith("places.csv", StringComparison.Ordinal)))
        {
            var (from, han) = catalog.Find(pair.Code).Names.Any(n => n.Text == pair.Han && n.Language == "zh-Hant") ? ("zh-Hant", Transliterator.Transliterate(pair.Han, "zh-Hant", "zh-Hans")) : ("zh-Hans", pair.Han);
            rows.Add(new Row(pair.Code, pair.Han, pair.Pinyin, Transliterator.Transliterate(pair.Han, from, "zh-Latn-pinyin"), LeaveOneOut(catalog, syllables, han), Icu(han)));
        }

        return rows;
    }

    /// <summary>The library's Pinyin with a lexicon that has never seen the name: every pair whose Chinese name contains
    /// the name's specific part (哈密 for 哈密市: also 哈密地区 and the short form 哈密) is left out.</summary>
    private static string LeaveOneOut(PlaceCatalog catalog, PinyinSyllables syllables, string han)
    {
        var specific = catalog.Terms.SplitHan(han).Specific;
        var transform = new PinyinTransform(() => PinyinLexicon.Build(catalog.Places, catalog.Terms, syllables, p => p.Han.Contains(specific, StringComparison.Ordinal)), HanLatin);
        return transform.Transliterate(han, tones: true);
    }

    public static string Write(PlaceCatalog catalog)
    {
        var divisions = Divisions(catalog);
        var further = FurtherNames(catalog);
        var lexicon = PinyinLexicon.Build(catalog.Places, catalog.Terms, PinyinSyllables.FromEmbeddedData());
        var w = new StringBuilder();
        void Line(string text = "") => w.Append(text).Append('\n');
        string Pct(int n, int of) => (100.0 * n / of).ToString("0.0", CultureInfo.InvariantCulture) + " %";

        Line("# Pinyin of the division names: the library and ICU's Han-Latin against the attested Pinyin");
        Line();
        Line("Generated by `GeneratedFilesTests.PinyinReport_IsCurrent` (tests/Gazetteer.Tests/Text/PinyinReport.cs) from");
        Line("`data/places.csv`, `data/names.csv`, `data/generic-terms.csv` and `data/pinyin-syllables.txt`; do not edit. After a");
        Line("change to the data or the transform: `GAZETTEER_REGENERATE=1 dotnet test --filter GeneratedFilesTests`, and review the diff.");
        Line();
        Line("- **library**: `Transliterator.Transliterate(zh, \"zh-Hans\", \"zh-Latn-pinyin\")`, whose lexicon is derived from these");
        Line("  same attested names (see `README.md`, \"Chinese to Pinyin\"): on a name of the dataset it mostly reads back what the");
        Line("  data says, so its score there shows that the alignment, generic words and spelling rules are right, not how it reads new names.");
        Line("- **library, name unseen**: the same with a lexicon built without every pair whose Chinese name contains the name's");
        Line("  specific part (for 哈密市: 哈密市, 哈密地区 and the short form 哈密), so its characters are read from other names or,");
        Line("  for a character no other name has, by ICU's Han-Latin. This is the fair measure for a name the dataset lacks.");
        Line("- **ICU Han-Latin**: ICU4N's built-in `Han-Latin` transform (ICU 60 data), syllables separated by spaces, lower case.");
        Line();
        Line("A result counts as right when its syllables and tone marks equal the attested ones, ignoring only spaces, capitals and");
        Line("apostrophes (so ICU's `ā lā ěr shì` is right for `Ālā'ěr Shì`). The library's output is also compared exactly.");
        Line();
        Line("## Summary");
        Line();
        var n = divisions.Count;
        Line($"Main Chinese name (`zh`) of the {n} divisions (current and historical) with an attested `pinyin`:");
        Line();
        Line("| | right | of | share |");
        Line("|---|---:|---:|---:|");
        Line($"| library, exact spelling (spaces, capitals, apostrophes) | {divisions.Count(r => r.OursExact)} | {n} | {Pct(divisions.Count(r => r.OursExact), n)} |");
        Line($"| library, syllables and tones | {divisions.Count(r => r.OursRight)} | {n} | {Pct(divisions.Count(r => r.OursRight), n)} |");
        Line($"| library, name unseen | {divisions.Count(r => r.LeaveOneOutRight)} | {n} | {Pct(divisions.Count(r => r.LeaveOneOutRight), n)} |");
        Line($"| ICU Han-Latin | {divisions.Count(r => r.IcuRight)} | {n} | {Pct(divisions.Count(r => r.IcuRight), n)} |");
        Line();
        var m = further.Count;
        Line($"Further attested Pinyin names of `names.csv` paired with a Chinese name ({m}; pairing rules in `README.md`):");
        Line();
        Line("| | right | of | share |");
        Line("|---|---:|---:|---:|");
        Line($"| library, exact spelling | {further.Count(r => r.OursExact)} | {m} | {Pct(further.Count(r => r.OursExact), m)} |");
        Line($"| library, syllables and tones | {further.Count(r => r.OursRight)} | {m} | {Pct(further.Count(r => r.OursRight), m)} |");
        Line($"| library, name unseen | {further.Count(r => r.LeaveOneOutRight)} | {m} | {Pct(further.Count(r => r.LeaveOneOutRight), m)} |");
        Line($"| ICU Han-Latin | {further.Count(r => r.IcuRight)} | {m} | {Pct(further.Count(r => r.IcuRight), m)} |");
        Line();

        Line("## Division names ICU's Han-Latin gets wrong");
        Line();
        Line("| code | zh | attested | ICU Han-Latin | differing syllables (character: attested ≠ ICU) |");
        Line("|---|---|---|---|---|");
        foreach (var r in divisions.Where(r => !r.IcuRight))
        {
            Line($"| {r.Code} | {r.Han} | {r.Attested} | {r.Icu} | {Differences(r.Han, r.Attested, r.Icu)} |");
        }

        Line();
        Line("## Division names the library gets wrong when it has not seen the name");
        Line();
        Line("| code | zh | attested | library, name unseen | differing syllables (character: attested ≠ library) |");
        Line("|---|---|---|---|---|");
        foreach (var r in divisions.Where(r => !r.LeaveOneOutRight))
        {
            Line($"| {r.Code} | {r.Han} | {r.Attested} | {r.LeaveOneOut} | {Differences(r.Han, r.Attested, r.LeaveOneOut)} |");
        }

        Line();
        Line("## Further attested Pinyin names (names.csv)");
        Line();
        Line("| code | Chinese | attested | library | library, name unseen | ICU Han-Latin | note |");
        Line("|---|---|---|---|---|---|---|");
        foreach (var r in further)
        {
            var note = r.OursExact ? string.Empty : KnownDeviations.GetValueOrDefault(r.Attested, "UNEXPECTED DEVIATION");
            Line($"| {r.Code} | {r.Han} | {r.Attested} | {Mark(r.Ours, r.OursRight)} | {Mark(r.LeaveOneOut, r.LeaveOneOutRight)} | {Mark(r.Icu, r.IcuRight)} | {note} |");
        }

        Line();
        Line("Attested Pinyin not used for the lexicon:");
        Line();
        foreach (var u in lexicon.Unused)
        {
            Line($"- {u.Code} {u.Pinyin}: {u.Reason}");
        }

        Line();
        Line("## Divisions without attested Pinyin");
        Line();
        Line("Nothing to compare with; shown for review.");
        Line();
        Line("| code | zh | library | ICU Han-Latin |");
        Line("|---|---|---|---|");
        foreach (var place in catalog.Places.Where(p => p.GetName("zh-Latn-pinyin") is not { IsPrimary: true }))
        {
            var han = place.ChineseName.Text;
            Line($"| {place.Code} | {han} | {Transliterator.Transliterate(han, "zh-Hans", "zh-Latn-pinyin")} | {Icu(han)} |");
        }

        Line();
        var distinct = lexicon.Pairs.DistinctBy(p => (p.Han, p.Pinyin)).ToList();
        var readings = distinct.SelectMany(p => p.Words).SelectMany(w => PinyinLexicon.Runes(w.Han).Zip(w.Syllables)).ToList();
        Line("## The lexicon");
        Line();
        Line($"{lexicon.Pairs.Count} aligned pairs of a Chinese and a Pinyin name ({distinct.Count} distinct), giving "
            + $"{distinct.SelectMany(p => p.Words).Select(w => w.Han).Where(h => PinyinLexicon.Runes(h).Count > 1).Distinct().Count()} distinct words of two or more characters "
            + $"and readings of {lexicon.AllReadings.Count} characters.");
        Line();
        Line("Characters read more than one way (in how many distinct names); outside a known word the library uses the first:");
        Line();
        foreach (var (character, all) in lexicon.AllReadings.Where(r => r.Value.Count > 1).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Line($"- {character}: {string.Join(", ", all.Select(r => $"{r} ({readings.Count(x => x.First == character && x.Second == r)})"))}");
        }

        return w.ToString();
    }

    private static string Mark(string text, bool right) => right ? text : $"**{text}** ✗";

    /// <summary>Lists the characters whose syllables differ: 什: shí ≠ shén.</summary>
    private static string Differences(string han, string attested, string other)
    {
        var syllables = PinyinSyllables.FromEmbeddedData();
        var expected = attested.Split(' ').SelectMany(w => syllables.Segment(w) ?? []).Select(s => s.ToLowerInvariant()).ToList();
        var actual = other.Split(' ').SelectMany(w => syllables.Segment(w) ?? [w]).Select(s => s.ToLowerInvariant()).ToList();
        var characters = PinyinLexicon.Runes(han);
        if (expected.Count != characters.Count || actual.Count != characters.Count)
        {
            return "(syllable counts differ)";
        }

        return string.Join(", ", characters.Select((c, i) => (c, e: expected[i], a: actual[i])).Where(x => x.e != x.a).Select(x => $"{x.c}: {x.e} ≠ {x.a}"));
    }
}
