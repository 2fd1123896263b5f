using System.Collections.Frozen;
using Gazetteer.Data;
using Gazetteer.Text.Transliteration;

namespace Gazetteer.Text;

/// <summary>Transliterates place names between the scripts and romanizations of the region, with the ICU rule files in
/// <c>data/transliteration/</c> (Uyghur UEY ⇄ ULY ⇄ Cyrillic, Uyghur → GNC, Kazakh Cyrillic ⇄ Arabic ⇄ Latin,
/// Wade–Giles → Pinyin, Chinese → Pinyin, and the match key).</summary>
/// <remarks>
/// <para>Tags: <c>ug-Arab</c>, <c>ug-Latn</c> (ULY), <c>ug-Cyrl</c>, <c>ug-Latn-x-gnc</c> (the official Chinese
/// romanization of Uyghur place names), <c>kk-Cyrl</c>, <c>kk-Arab</c>, <c>kk-Latn</c> (2021 alphabet),
/// <c>zh-Hans</c>, <c>zh-Latn-pinyin</c>, <c>zh-Latn-pinyin-x-toneless</c>, <c>zh-Latn-wadegile</c>, and
/// <c>und-x-matchkey</c> (from any tag: the match key). Pairs with no rule file of their own are chained through another script (the shortest chain).</para>
/// <para>Rule files compile on first use of a pair. Characters a transform does not map pass through unchanged; no
/// input string makes a transform throw. Thread-safe.</para>
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
            return MatchKey.ForName(SafeText(text), from);
        }

        var chain = Graph.Value.Find(from, to)
            ?? throw new ArgumentException($"Transliteration from '{from}' to '{to}' is not supported. Supported pairs: {string.Join(", ", SupportedPairs)}.", nameof(to));
        return TransformGraph.Apply(chain, SafeText(text));
    }

    /// <summary>Replaces unpaired surrogates, which ICU cannot process, with U+FFFD.</summary>
    internal static string SafeText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                var chars = text.ToCharArray();
                for (var j = i; j < chars.Length; j++)
                {
                    if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1]))
                    {
                        j++;
                    }
                    else if (char.IsSurrogate(chars[j]))
                    {
                        chars[j] = '\uFFFD';
                    }
                }

                return new string(chars);
            }
        }

        return text;
    }

    internal static TransformGraph Rules => Graph.Value;
}

/// <summary>The rule files as a graph of tags, with the shortest chain for every reachable pair.</summary>
internal sealed class TransformGraph
{
    private readonly FrozenDictionary<(string From, string To), RuleTransform[]> chains;
    private readonly FrozenDictionary<string, Func<string, string>> programmatic;

    private TransformGraph(IReadOnlyList<RuleTransform> transforms, IReadOnlyDictionary<(string From, string To), Func<string, string>> extra)
    {
        Transforms = transforms;
        var edges = transforms.Select(t => (t.From, t.To, Step: (object)t))
            .Concat(extra.Select(e => (e.Key.From, e.Key.To, Step: (object)e.Key)))
            .ToList();
        var tags = edges.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = new Dictionary<(string, string), RuleTransform[]>();
        var pairs = new List<TransliterationPair>();
        foreach (var from in tags)
        {
            // breadth-first: the shortest chain of rule files from 'from' to every tag
            var previous = new Dictionary<string, RuleTransform?>(StringComparer.Ordinal) { [from] = null };
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var tag = queue.Dequeue();
                foreach (var t in transforms.Where(t => t.From == tag && !previous.ContainsKey(t.To)))
                {
                    previous[t.To] = t;
                    queue.Enqueue(t.To);
                }
            }

            foreach (var to in previous.Keys.Where(k => k != from).Order(StringComparer.Ordinal))
            {
                var chain = new List<RuleTransform>();
                for (var t = previous[to]; t is not null; t = previous[t.From])
                {
                    chain.Insert(0, t);
                }

                found[(from, to)] = [.. chain];
                pairs.Add(new TransliterationPair(from, to, chain.Select(c => c.FileName).ToArray()));
            }
        }

        foreach (var ((from, to), _) in extra)
        {
            pairs.Add(new TransliterationPair(from, to, [$"{from}_{to} (built in)"]));
        }

        chains = found.ToFrozenDictionary();
        programmatic = extra.ToFrozenDictionary(e => $"{e.Key.From}\u001F{e.Key.To}", e => e.Value, StringComparer.Ordinal);
        Pairs = [.. pairs.OrderBy(p => p.From, StringComparer.Ordinal).ThenBy(p => p.To, StringComparer.Ordinal)];
    }

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

        return new TransformGraph(transforms, new Dictionary<(string, string), Func<string, string>>());
    }

    public object? Find(string from, string to)
    {
        if (chains.TryGetValue((from, to), out var chain))
        {
            return chain;
        }

        return programmatic.TryGetValue($"{from}\u001F{to}", out var function) ? function : null;
    }

    public static string Apply(object chain, string text)
    {
        if (chain is Func<string, string> function)
        {
            return function(text);
        }

        foreach (var step in (RuleTransform[])chain)
        {
            text = step.Apply(text);
        }

        return text;
    }

    public RuleTransform? Direct(string from, string to) => chains.TryGetValue((from, to), out var chain) && chain.Length == 1 ? chain[0] : null;
}
