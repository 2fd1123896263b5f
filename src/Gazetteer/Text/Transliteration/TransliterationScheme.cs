namespace Gazetteer.Text;

/// <summary>A pair of writing systems the library transliterates between, named by BCP 47 tags.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The source tag, e.g. <c>ug-Arab</c>.</param>
/// <param name="To">The target tag, e.g. <c>ug-Latn</c>.</param>
/// <param name="Steps">The rule files applied in order (one for a direct transform, more for a chain through another script).</param>
public sealed record TransliterationPair(string From, string To, IReadOnlyList<string> Steps)
{
    /// <summary>Returns <c>from → to</c>.</summary>
    /// <returns>The pair as text.</returns>
    public override string ToString() => $"{From} → {To}";
}
