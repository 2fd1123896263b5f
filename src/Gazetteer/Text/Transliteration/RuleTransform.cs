using System.Collections.Concurrent;
using IcuTransliterator = ICU4N.Text.Transliterator;
using TransliterationDirection = ICU4N.Text.TransliterationDirection;
using Gazetteer.Data;

namespace Gazetteer.Text.Transliteration;

/// <summary>One ICU rule file of <c>data/transliteration/</c>, compiled on first use and never registered in ICU's
/// global registry. Compiled transliterators are pooled: each call rents one, so concurrent calls never share an
/// instance, and the rules are compiled once per concurrently used instance only.</summary>
internal sealed class RuleTransform : ITransformStep
{
    private readonly ConcurrentBag<IcuTransliterator> pool = [];
    private readonly Lazy<string> rules;
    private readonly Lazy<CompiledRules?> compiled;

    public RuleTransform(string fileName, string from, string to)
    {
        FileName = fileName;
        From = from;
        To = to;
        rules = new Lazy<string>(() => DataSource.ReadEmbeddedText("transliteration/" + fileName), LazyThreadSafetyMode.ExecutionAndPublication);
        compiled = new Lazy<CompiledRules?>(() => CompiledRules.TryCompile(rules.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string FileName { get; }

    public string From { get; }

    public string To { get; }

    public string Id => Path.GetFileNameWithoutExtension(FileName);

    public string Name => FileName;


    /// <summary>Gets the rules compiled by <see cref="CompiledRules"/>, or null when the file uses syntax outside its subset.</summary>
    public CompiledRules? Compiled => compiled.Value;

    /// <summary>Transforms text with the compiled rules where the file compiles (the same result, measured equal by
    /// CompiledRulesTests), else with ICU4N. For the match key on the search path; <see cref="Apply"/> always runs ICU4N.</summary>
    public string ApplyFast(string text) => Compiled?.Apply(text) ?? Apply(text);

    public string Apply(string text)
    {
        var transliterator = Rent();
        try
        {
            return transliterator.Transliterate(text);
        }
        finally
        {
            pool.Add(transliterator);
        }
    }

    private IcuTransliterator Rent() =>
        pool.TryTake(out var transliterator)
            ? transliterator
            : IcuTransliterator.CreateFromRules(Id, rules.Value, TransliterationDirection.Forward);
}
