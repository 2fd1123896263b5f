using BenchmarkDotNet.Attributes;
using Gazetteer.Text.Transliteration;
using IcuTransliterator = ICU4N.Text.Transliterator;
using TransliterationDirection = ICU4N.Text.TransliterationDirection;

namespace Gazetteer.Benchmarks;

/// <summary>First-use cost of a transform: compile its rules from scratch and transliterate one dataset name, every
/// operation; ICU's built-in <c>Han-Latin</c>, compiled from its own rules text, as the baseline.</summary>
/// <remarks>Each operation builds a new transliterator, so no <c>[IterationSetup]</c> is needed. One-time costs of
/// the process (JIT, loading ICU's data) are paid before the measurement; the <c>firstuse</c> mode measures those
/// in fresh processes.</remarks>
[MemoryDiagnoser]
public class TransliterationFirstUseBenchmarks
{
    private string sample = string.Empty;
    private Func<string> compileAndApply = static () => string.Empty;

    [ParamsSource(nameof(Transforms))]
    public string Transform { get; set; } = TransformCase.HanLatin;

    /// <summary>Han-Latin and every direct pair that has a rule file (a pair written in code has nothing to compile).</summary>
    public static IEnumerable<string> Transforms() => TransformCase.All().Where(t => t.IsHanLatin || t.RuleFile is not null).Select(t => t.Id);

    [GlobalSetup]
    public void Setup()
    {
        var transform = TransformCase.Parse(Transform);
        sample = DatasetNames.Batch(transform.From, 1)[0];
        if (transform.IsHanLatin)
        {
            // ICU's registry caches Han-Latin once built, so GetInstance would not compile again; compiling the rules
            // text it prints is the from-scratch cost comparable with ours.
            var rules = IcuTransliterator.GetInstance(TransformCase.HanLatin).ToRules(escapeUnprintable: false);
            compileAndApply = () => IcuTransliterator.CreateFromRules(TransformCase.HanLatin, rules, TransliterationDirection.Forward).Transliterate(sample);
        }
        else
        {
            // A new RuleTransform reads its embedded rule file and compiles it on first Apply, as the library does.
            var file = transform.RuleFile ?? throw new InvalidOperationException($"{transform.Id} has no rule file.");
            compileAndApply = () => new RuleTransform(file, transform.From, transform.To).Apply(sample);
        }

        compileAndApply();
    }

    [Benchmark]
    public string CompileAndApply() => compileAndApply();
}
