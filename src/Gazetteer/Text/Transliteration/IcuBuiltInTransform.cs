using System.Collections.Concurrent;
using IcuTransliterator = ICU4N.Text.Transliterator;

namespace Gazetteer.Text.Transliteration;

/// <summary>One of ICU's built-in transforms (<c>Han-Latin</c>, <c>Traditional-Simplified</c>), created on first use,
/// never before. Instances are pooled like <see cref="RuleTransform"/>: each call rents one, so concurrent calls never
/// share an instance.</summary>
internal sealed class IcuBuiltInTransform(string id)
{
    private readonly ConcurrentBag<IcuTransliterator> pool = [];
    private int created;

    /// <summary>Gets the ICU transform ID.</summary>
    public string Id { get; } = id;

    /// <summary>Gets a value indicating whether ICU has been asked for the transform yet (loading <c>Han-Latin</c> takes
    /// about half a second).</summary>
    public bool IsLoaded => Volatile.Read(ref created) > 0;

    public string Apply(string text)
    {
        var transliterator = pool.TryTake(out var pooled) ? pooled : Create();
        try
        {
            return transliterator.Transliterate(text);
        }
        finally
        {
            pool.Add(transliterator);
        }
    }

    private IcuTransliterator Create()
    {
        Interlocked.Increment(ref created);
        return IcuTransliterator.GetInstance(Id);
    }
}
