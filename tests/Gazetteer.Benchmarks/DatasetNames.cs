namespace Gazetteer.Benchmarks;

/// <summary>Benchmark inputs drawn from the embedded dataset: the attested names of one language tag.</summary>
internal static class DatasetNames
{
    /// <summary>The one seed every sample uses, so that every run measures the same names in the same order.</summary>
    public const int Seed = 20261127;

    /// <summary>Every distinct attested name written in <paramref name="language"/>, in ordinal order.</summary>
    public static string[] Of(string language) =>
        PlaceCatalog.Default.Places
            .SelectMany(p => p.Names)
            .Where(n => string.Equals(n.Language, language, StringComparison.Ordinal))
            .Select(n => n.Text)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>A batch of <paramref name="size"/> names of <paramref name="language"/>: the distinct names shuffled
    /// with <see cref="Seed"/>, repeated as needed, so that each name weighs the same (±1).</summary>
    public static string[] Batch(string language, int size)
    {
        var names = Of(language);
        if (names.Length == 0)
        {
            throw new InvalidOperationException($"The dataset has no names tagged '{language}'.");
        }

        new Random(Seed).Shuffle(names);
        return Enumerable.Range(0, size).Select(i => names[i % names.Length]).ToArray();
    }
}
