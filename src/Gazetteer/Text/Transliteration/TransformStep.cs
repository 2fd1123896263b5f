namespace Gazetteer.Text.Transliteration;

/// <summary>One edge of the transform graph: a rule file, or a transform written in code.</summary>
internal interface ITransformStep
{
    string From { get; }

    string To { get; }

    /// <summary>Gets how <see cref="TransliterationPair.Steps"/> names the step: the rule file, or <c>from_to (built in)</c>.</summary>
    string Name { get; }

    /// <summary>Transforms text; never throws for a string free of unpaired surrogates.</summary>
    string Apply(string text);
}

/// <summary>A transform written in code (Chinese characters to Pinyin, traditional to simplified characters).</summary>
/// <remarks>Thread-safe when its function is.</remarks>
internal sealed class ProgrammaticTransform(string from, string to, Func<string, string> function) : ITransformStep
{
    public string From { get; } = from;

    public string To { get; } = to;

    public string Name => $"{From}_{To} (built in)";

    public string Apply(string text) => function(text);
}
