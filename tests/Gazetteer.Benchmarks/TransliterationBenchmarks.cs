using BenchmarkDotNet.Attributes;
using Gazetteer.Text;
using IcuTransliterator = ICU4N.Text.Transliterator;

namespace Gazetteer.Benchmarks;

/// <summary>Per-name cost of each direct transliteration pair over the dataset's names in its source language,
/// with ICU's built-in <c>Han-Latin</c> over the dataset's Chinese names as the baseline.</summary>
/// <remarks>Each operation is one name; an invocation runs a fixed batch of <see cref="BatchSize"/> names (see
/// <see cref="DatasetNames.Batch"/>). Rule files are compiled in the global set-up, so this is the steady state.</remarks>
[MemoryDiagnoser]
public class TransliterationBenchmarks
{
    public const int BatchSize = 64;

    private string[] batch = [];
    private Func<string, string> apply = static s => s;

    [ParamsSource(nameof(Transforms))]
    public string Transform { get; set; } = TransformCase.HanLatin;

    public static IEnumerable<string> Transforms() => TransformCase.All().Select(t => t.Id);

    [GlobalSetup]
    public void Setup()
    {
        var transform = TransformCase.Parse(Transform);
        batch = DatasetNames.Batch(transform.From, BatchSize);
        if (transform.IsHanLatin)
        {
            // ICU's transliterators are not thread-safe; one instance on one thread is how it would be used.
            var hanLatin = IcuTransliterator.GetInstance(TransformCase.HanLatin);
            apply = hanLatin.Transliterate;
        }
        else
        {
            // The public API: pair lookup, a pooled compiled transliterator, the transform.
            apply = text => Transliterator.Transliterate(text, transform.From, transform.To);
        }

        foreach (var name in batch)
        {
            apply(name);
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int PerName()
    {
        var length = 0;
        foreach (var name in batch)
        {
            length += apply(name).Length;
        }

        return length;
    }
}
