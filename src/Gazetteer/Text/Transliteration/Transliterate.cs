using Gazetteer.Data;
using Gazetteer.Text.Transliteration;

namespace Gazetteer.Text;

/// <summary>Transliterates place names between the scripts and romanizations of the region: the ICU rule files in
/// <c>data/transliteration/</c> (Uyghur UEY ⇄ ULY ⇄ Cyrillic, Uyghur → GNC, Kazakh Cyrillic ⇄ Arabic ⇄ Latin,
/// Wade–Giles → Pinyin) and, built in, Chinese characters → Pinyin and traditional → simplified characters.</summary>
/// <remarks>
/// <para>Tags: <c>ug-Arab</c>, <c>ug-Latn</c> (ULY), <c>ug-Cyrl</c>, <c>ug-Latn-x-gnc</c> (the official Chinese
/// romanization of Uyghur place names), <c>kk-Cyrl</c>, <c>kk-Arab</c>, <c>kk-Latn</c> (2021 alphabet),
/// <c>zh-Hans</c>, <c>zh-Hant</c>, <c>zh-Latn-pinyin</c>, <c>zh-Latn-pinyin-x-toneless</c>, <c>zh-Latn-wadegile</c>, and <c>und-x-matchkey</c>
/// (from any tag: the match key, see the rule file <c>und_und-x-matchkey.txt</c>).
/// Pairs with no transform of their own are chained through another script (the shortest chain).</para>
/// <para><c>zh-Hans</c> → <c>zh-Latn-pinyin</c> writes each run of Chinese characters as a place name in the official
/// orthography (塔什库尔干塔吉克自治县 → Tǎshíkù'ěrgān Tǎjíkè Zìzhìxiàn), reading the characters as the dataset's attested
/// Pinyin reads them; ICU's built-in Han-Latin is loaded only for a character no name of the dataset has.
/// <c>zh-Hant</c> → <c>zh-Hans</c> is ICU's built-in Traditional-Simplified.</para>
/// <para>Rule files compile, and the Pinyin readings are derived from the dataset, on first use of a pair. Characters a
/// transform does not map pass through unchanged; no input string makes a transform throw. Thread-safe.</para>
/// </remarks>
public static class Transliterator
{
    private static readonly Lazy<TransformGraph> Graph = new(TransformGraph.FromEmbeddedRules, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets every supported pair, direct or chained, ordered by source and target tag.</summary>
    public static IReadOnlyList<TransliterationPair> SupportedPairs => Graph.Value.Pairs;

    /// <summary>Whether the library can transliterate from one tag to another.</summary>
    /// <param name="from">The source tag.</param>
    /// <param name="to">The target tag.</param>
    /// <returns>True when the pair is supported.</returns>
    public static bool IsSupported(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Graph.Value.Find(from, to) is not null || (to == MatchKey.Tag && Graph.Value.Find("und", to) is not null);
    }

    /// <summary>Transliterates text from one script or scheme to another.</summary>
    /// <param name="text">Any text; characters the transform does not map pass through unchanged.</param>
    /// <param name="from">The source tag, e.g. <c>ug-Arab</c>.</param>
    /// <param name="to">The target tag, e.g. <c>ug-Latn</c>.</param>
    /// <returns>The transliterated text.</returns>
    /// <exception cref="ArgumentException">The pair is not supported (see <see cref="SupportedPairs"/>).</exception>
    public static string Transliterate(string text, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (string.Equals(to, MatchKey.Tag, StringComparison.Ordinal))
        {
            return MatchKey.ForName(Characters.ReplaceLoneSurrogates(text), from);
        }

        var chain = Graph.Value.Find(from, to)
            ?? throw new ArgumentException($"Transliteration from '{from}' to '{to}' is not supported. Supported pairs: {string.Join(", ", SupportedPairs)}.", nameof(to));
        return TransformGraph.Apply(chain, Characters.ReplaceLoneSurrogates(text));
    }

    internal static TransformGraph Rules => Graph.Value;
}

/// <summary>The transforms as a graph of tags — rule files and transforms written in code alike — with the shortest
/// chain for every reachable pair.</summary>
internal sealed class TransformGraph
{
    private readonly Dictionary<(string From, string To), ITransformStep[]> chains;

    private TransformGraph(IReadOnlyList<RuleTransform> transforms, IReadOnlyDictionary<(string From, string To), Func<string, string>> extra)
    {
        Transforms = transforms;
        var steps = transforms.Cast<ITransformStep>()
            .Concat(extra.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => new ProgrammaticTransform(e.Key.From, e.Key.To, e.Value)))
            .ToList();
        var tags = steps.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = new Dictionary<(string, string), ITransformStep[]>();
        var pairs = new List<TransliterationPair>();
        foreach (var from in tags)
        {
            // breadth-first: the shortest chain of steps from 'from' to every tag
            var previous = new Dictionary<string, ITransformStep?>(StringComparer.Ordinal) { [from] = null };
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var tag = queue.Dequeue();
                foreach (var step in steps.Where(t => t.From == tag && !previous.ContainsKey(t.To)))
                {
                    previous[step.To] = step;
                    queue.Enqueue(step.To);
                }
            }

            foreach (var to in previous.Keys.Where(k => k != from).Order(StringComparer.Ordinal))
            {
                var chain = new List<ITransformStep>();
                for (var step = previous[to]; step is not null; step = previous[step.From])
                {
                    chain.Insert(0, step);
                }

                found[(from, to)] = [.. chain];
                pairs.Add(new TransliterationPair(from, to, chain.Select(c => c.Name).ToArray()));
            }
        }

        chains = found;
        Pairs = [.. pairs.OrderBy(p => p.From, StringComparer.Ordinal).ThenBy(p => p.To, StringComparer.Ordinal)];
    }

    /// <summary>Gets the rule files (not the transforms written in code).</summary>
    public IReadOnlyList<RuleTransform> Transforms { get; }

    public IReadOnlyList<TransliterationPair> Pairs { get; }

    public static TransformGraph FromEmbeddedRules()
    {
        var transforms = new List<RuleTransform>();
        foreach (var name in DataSource.EmbeddedNames("transliteration/"))
        {
            var file = name["transliteration/".Length..];
            var stem = Path.GetFileNameWithoutExtension(file);
            var parts = stem.Split('_');
            if (parts.Length == 2)
            {
                transforms.Add(new RuleTransform(file, parts[0], parts[1]));
            }
        }

        // Nothing here loads data or ICU: the Pinyin lexicon is built from the catalogue on the first Chinese call,
        // ICU's Traditional-Simplified on the first traditional text, Han-Latin only for a character the data never shows.
        var pinyin = PinyinTransform.FromEmbeddedData();
        var simplified = new IcuBuiltInTransform("Traditional-Simplified");
        var programmatic = new Dictionary<(string, string), Func<string, string>>
        {
            [("zh-Hans", "zh-Latn-pinyin")] = text => pinyin.Transliterate(text, tones: true),
            [("zh-Hans", "zh-Latn-pinyin-x-toneless")] = text => pinyin.Transliterate(text, tones: false),
            [("zh-Latn-pinyin", "zh-Latn-pinyin-x-toneless")] = PinyinSpelling.RemoveTones,
            [("zh-Hant", "zh-Hans")] = simplified.Apply,
        };
        return new TransformGraph(transforms, programmatic) { Pinyin = pinyin };
    }

    /// <summary>Gets the Chinese-to-Pinyin transform, whose lexicon the match key reads Chinese with.</summary>
    public PinyinTransform? Pinyin { get; private init; }

    public ITransformStep[]? Find(string from, string to) => chains.TryGetValue((from, to), out var chain) ? chain : null;

    public static string Apply(ITransformStep[] chain, string text)
    {
        foreach (var step in chain)
        {
            text = step.Apply(text);
        }

        return text;
    }

    public RuleTransform? Direct(string from, string to) => chains.TryGetValue((from, to), out var chain) && chain is [RuleTransform rule] ? rule : null;
}
