using Gazetteer.Data;

namespace Gazetteer;

/// <summary>The words the data files and the JSON output use for levels and kinds (<c>county-level-city</c> …).</summary>
/// <remarks>Thread-safe.</remarks>
public static class DataTokens
{
    /// <summary>Gets the data token of a level: <c>region</c>, <c>prefecture</c> or <c>county</c>.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The token.</returns>
    public static string ToToken(this PlaceLevel level) => DataVocabulary.Format(level);

    /// <summary>Gets the data token of a kind, e.g. <c>autonomous-county</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The token.</returns>
    public static string ToToken(this PlaceKind kind) => DataVocabulary.Format(kind);

    /// <summary>Gets the data token of a name kind, e.g. <c>historical</c>.</summary>
    /// <param name="kind">The name kind.</param>
    /// <returns>The token.</returns>
    public static string ToToken(this NameKind kind) => DataVocabulary.Format(kind);

    /// <summary>Parses a level token.</summary>
    /// <param name="token">The token, e.g. <c>county</c>.</param>
    /// <param name="level">The level when the token is known.</param>
    /// <returns>Whether the token is known.</returns>
    public static bool TryParseLevel(string token, out PlaceLevel level) => DataVocabulary.TryParseLevel(token, out level);
}
