namespace Gazetteer;

/// <summary>Whether a search found one division, several equally good ones, or none.</summary>
public enum SearchStatus
{
    /// <summary>One division is clearly the best match.</summary>
    Resolved,

    /// <summary>Several divisions match about equally well (Hotan: the city, the county and the prefecture); never
    /// silently guessed: the matches are ranked and the caller decides.</summary>
    Ambiguous,

    /// <summary>No division matches.</summary>
    Unresolved,
}

/// <summary>The answer to a search: status and ranked matches.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Query">The query as given.</param>
/// <param name="Status">Resolved, ambiguous or unresolved.</param>
/// <param name="Matches">The matches, best first (score, then current before historical, level, code).</param>
public sealed record SearchResult(string Query, SearchStatus Status, IReadOnlyList<SearchMatch> Matches)
{
    /// <summary>Gets the best match, or null when unresolved.</summary>
    public SearchMatch? Best => Matches.Count > 0 ? Matches[0] : null;
}

/// <summary>One division found by a search, with its score and how it was found.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Place">The division.</param>
/// <param name="Name">The name that matched (attested, or derived from an attested name).</param>
/// <param name="Score">How well it matched, in [0, 1].</param>
/// <param name="Explanation">How the query was read and matched.</param>
public sealed record SearchMatch(Place Place, PlaceName Name, double Score, MatchExplanation Explanation);

/// <summary>How a search matched a division: the path from the query to the name.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Method">Exact, folded, match key or fuzzy.</param>
/// <param name="Edits">Edits between the match keys, for fuzzy matches; else 0.</param>
/// <param name="QueryKey">The match key of the query part that matched, when keys were compared; else null.</param>
/// <param name="Steps">The steps, in order, in plain words: "generic word 'county' recognised (county, autonomous-county)",
/// "suffix '-diki' stripped", "1 edit from 'dorbiljin'", "within Tacheng Prefecture (654200)", "historical division
/// (until 2021-01), succeeded by 654203" ….</param>
public sealed record MatchExplanation(MatchMethod Method, int Edits, string? QueryKey, IReadOnlyList<string> Steps)
{
    /// <summary>Returns the steps joined by "; ".</summary>
    /// <returns>The explanation as one line.</returns>
    public override string ToString() => string.Join("; ", Steps);
}
