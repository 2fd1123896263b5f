using Gazetteer.Text;

namespace Gazetteer.Benchmarks;

/// <summary>One transform to measure: a direct pair of <see cref="Transliterator.SupportedPairs"/>, or ICU's
/// built-in <c>Han-Latin</c> as the baseline.</summary>
/// <param name="Id">The rule file stem (<c>ug-Arab_ug-Latn</c>) or <c>Han-Latin</c>.</param>
/// <param name="From">The tag whose dataset names are the input.</param>
/// <param name="To">The target tag.</param>
internal sealed record TransformCase(string Id, string From, string To)
{
    /// <summary>ICU's built-in Chinese → Pinyin transform (with tone marks, syllables spaced), the baseline.</summary>
    public const string HanLatin = "Han-Latin";

    public bool IsHanLatin => string.Equals(Id, HanLatin, StringComparison.Ordinal);

    /// <summary>The rule file of a direct pair (<c>ug-Arab_ug-Latn.txt</c>); null for Han-Latin or a pair written in code.</summary>
    public string? RuleFile => IsHanLatin ? null : Transliterator.Rules.Direct(From, To)?.FileName;

    /// <summary>Every direct pair (one step) whose source tag has names in the dataset, then Han-Latin.</summary>
    public static IEnumerable<TransformCase> All() =>
        Transliterator.SupportedPairs
            .Where(p => p.Steps.Count == 1 && DatasetNames.Of(p.From).Length > 0)
            .Select(p => new TransformCase($"{p.From}_{p.To}", p.From, p.To))
            .Append(new TransformCase(HanLatin, "zh-Hans", "zh-Latn-pinyin"));

    /// <summary>The case with an id, without loading the catalogue (the id names both tags).</summary>
    public static TransformCase Parse(string id)
    {
        if (string.Equals(id, HanLatin, StringComparison.Ordinal))
        {
            return new TransformCase(HanLatin, "zh-Hans", "zh-Latn-pinyin");
        }

        var parts = id.Split('_');
        return parts.Length == 2
            ? new TransformCase(id, parts[0], parts[1])
            : throw new ArgumentException($"Transform '{id}' is not known. Expected 'from_to' (a rule file stem) or '{HanLatin}'.", nameof(id));
    }

    public override string ToString() => Id;
}
