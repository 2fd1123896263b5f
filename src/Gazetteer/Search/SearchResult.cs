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
/// <remarks>Immutable and thread-safe. The steps are put into words when first read, so searches whose explanations are
/// never shown do not pay for them.</remarks>
public sealed class MatchExplanation
{
    private readonly ExplanationData data;
    private IReadOnlyList<string>? steps;

    /// <summary>Initializes a new instance of the <see cref="MatchExplanation"/> class.</summary>
    /// <param name="method">Exact, folded, match key or fuzzy.</param>
    /// <param name="edits">Edits between the match keys, for fuzzy matches; else 0.</param>
    /// <param name="queryKey">The match key of the query part that matched, when keys were compared; else null.</param>
    /// <param name="steps">The steps, in order, in plain words.</param>
    public MatchExplanation(MatchMethod method, int edits, string? queryKey, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Method = method;
        Edits = edits;
        QueryKey = queryKey;
        this.steps = steps;
    }

    internal MatchExplanation(MatchMethod method, int edits, string? queryKey, in ExplanationData data)
    {
        Method = method;
        Edits = edits;
        QueryKey = queryKey;
        this.data = data;
    }

    /// <summary>Gets how the name was met: exact, folded, match key or fuzzy.</summary>
    public MatchMethod Method { get; }

    /// <summary>Gets the edits between the match keys, for fuzzy matches; else 0.</summary>
    public int Edits { get; }

    /// <summary>Gets the match key of the query part that matched, when keys were compared; else null.</summary>
    public string? QueryKey { get; }

    /// <summary>Gets the steps, in order, in plain words: "generic word 'county' recognised (county, autonomous-county)",
    /// "suffix '-diki' stripped", "1 edit from 'dorbiljin'", "within Tacheng Prefecture (654200)", "historical division
    /// (until 2021-01), succeeded by 654203" ….</summary>
    public IReadOnlyList<string> Steps
    {
        get
        {
            if (steps is null)
            {
                // Two threads may word the same steps at once; they are equal, and either result is kept.
                Interlocked.CompareExchange(ref steps, data.Writer!.Describe(this, data), null);
            }

            return steps;
        }
    }

    /// <summary>Returns the steps joined by "; ".</summary>
    /// <returns>The explanation as one line.</returns>
    public override string ToString() => string.Join("; ", Steps);
}

/// <summary>What an explanation is worded from, kept inside it until its steps are first read.</summary>
/// <param name="Form">The name matched and its division.</param>
/// <param name="Reading">The writer's record of how the query was read.</param>
/// <param name="MatchedKey">The key or text a fuzzy match was near, if any.</param>
/// <param name="LevelHint">The writer's verdict on a level hint, if any.</param>
/// <param name="Existed">Whether the division existed on the date searched for.</param>
/// <param name="AsOf">The date searched for, if one was given.</param>
/// <param name="Notes">Further steps already in words, if any.</param>
/// <param name="Writer">Puts the steps into words.</param>
internal readonly record struct ExplanationData(
    PlaceMatch Form, object Reading, string? MatchedKey, int LevelHint, bool Existed, DateOnly? AsOf, string[]? Notes, IExplanationWriter? Writer);

/// <summary>Puts an explanation's steps into words, on first reading.</summary>
internal interface IExplanationWriter
{
    IReadOnlyList<string> Describe(MatchExplanation explanation, in ExplanationData data);
}
