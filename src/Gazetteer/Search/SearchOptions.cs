namespace Gazetteer;

/// <summary>Options of <see cref="PlaceCatalog.Search(string, SearchOptions?)"/>. Immutable and thread-safe; reuse one instance.</summary>
public sealed record SearchOptions
{
    /// <summary>Gets the default options: 10 results, any score, edit budget by length, every level and language, today.</summary>
    public static SearchOptions Default { get; } = new();

    /// <summary>Gets the largest number of matches returned (1 or more; default 10).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Gets the lowest score a match may have, in [0, 1] (default 0).</summary>
    public double MinScore { get; init; }

    /// <summary>Gets the largest number of edits a fuzzy match may need, or null for the default budget by length
    /// (none up to 3 letters typed, 1 for 4, else 2). 0 turns fuzzy matching off.</summary>
    public int? MaxEdits { get; init; }

    /// <summary>Gets the levels to search, or null for all.</summary>
    public IReadOnlyList<PlaceLevel>? Levels { get; init; }

    /// <summary>Gets the language tags whose names may match (e.g. <c>ug-Latn</c>), or null for all. Derived names count
    /// under their own tag.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>Gets the date the query refers to: divisions that existed then rank first. Null means now.</summary>
    public DateOnly? AsOf { get; init; }
}
