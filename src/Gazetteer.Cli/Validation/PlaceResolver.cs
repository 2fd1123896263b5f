using System.Globalization;
using Gazetteer.Text;

namespace Gazetteer.Cli.Validation;

/// <summary>The status <c>validate</c> gives a row.</summary>
internal enum RowStatus
{
    /// <summary>One current division.</summary>
    Resolved,

    /// <summary>Several divisions match about equally well; the candidates column lists them.</summary>
    Ambiguous,

    /// <summary>One division that no longer exists; the candidates column lists its successors.</summary>
    Historical,

    /// <summary>No division; the candidates column lists weak suggestions, if any.</summary>
    Unresolved,

    /// <summary>The cell is empty (or only spaces and invisible characters).</summary>
    Empty,

    /// <summary>The record is not well-formed CSV, or has more or fewer fields than the header.</summary>
    Malformed,
}

/// <summary>What <c>validate</c> appends to a row for one value, with the search result it came from.</summary>
/// <param name="Status">The row status.</param>
/// <param name="Columns">The appended cells, in <see cref="PlaceResolver.Columns"/> order, already guarded against
/// spreadsheet formula injection.</param>
/// <param name="Matches">The ranked matches (at most the number of candidates asked for).</param>
internal sealed record Resolution(RowStatus Status, string[] Columns, IReadOnlyList<SearchMatch> Matches)
{
    private EncodedCells? encoded;

    /// <summary>The appended cells as CSV text for a delimiter (quoted as the writer quotes them, joined by the
    /// delimiter), made once per answer and delimiter, so that a repeated answer is written as one piece.</summary>
    public string Encoded(char delimiter)
    {
        var cells = encoded;
        if (cells is null || cells.Delimiter != delimiter)
        {
            encoded = cells = new EncodedCells(delimiter, Encode(Columns, delimiter));
        }

        return cells.Text;
    }

    /// <summary>Cells quoted where the output quotes them and joined by the delimiter.</summary>
    public static string Encode(string[] cells, char delimiter)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var output = new CsvOutput(text, delimiter);
        foreach (var cell in cells)
        {
            output.WriteField(cell);
        }

        return text.ToString();
    }

    private sealed record EncodedCells(char Delimiter, string Text);
}

/// <summary>Resolves cell values with <see cref="PlaceCatalog.Search(string, SearchOptions?)"/>, caching the answer per
/// distinct normalised value (up to <see cref="CacheCapacity"/> values, then no more are added) and counting how often
/// each cached value occurs, for the report. Not thread-safe: one thread calls it; <see cref="Prefetch"/> alone searches in
/// parallel.</summary>
internal sealed class PlaceResolver
{
    /// <summary>The most distinct values cached (and counted for the report).</summary>
    public const int CacheCapacity = 100_000;

    /// <summary>Longer values are resolved each time, not cached.</summary>
    public const int MaxCachedLength = 256;

    /// <summary>The names of the appended columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "gazetteer_code", "gazetteer_status", "gazetteer_score", "gazetteer_name_zh", "gazetteer_name_en", "gazetteer_name_ug",
        "gazetteer_matched", "gazetteer_candidates",
    ];

    private static readonly string[] Tokens = [.. Enum.GetValues<RowStatus>().OrderBy(s => (int)s).Select(s => s.ToString().ToLowerInvariant())];

    private readonly PlaceCatalog catalog;
    private readonly SearchOptions options;
    private readonly int candidates;
    private readonly Dictionary<string, Entry> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resolution> prefetched = new(StringComparer.Ordinal);

    /// <summary>Values as typed and their normalised forms (see <see cref="Normalize"/>).</summary>
    private readonly Dictionary<string, string> normalized = new(StringComparer.Ordinal);

    /// <param name="catalog">The catalogue to search.</param>
    /// <param name="options">The search options; the limit is raised to at least 2 so that ambiguity is seen.</param>
    /// <param name="candidates">How many codes the candidates column lists.</param>
    public PlaceResolver(PlaceCatalog catalog, SearchOptions options, int candidates)
    {
        this.catalog = catalog;
        this.candidates = candidates;
        this.options = options with { Limit = Math.Max(candidates, 2) };
    }

    /// <summary>Gets the appended cells of a malformed row.</summary>
    public static Resolution Malformed { get; } = Fixed(RowStatus.Malformed);

    /// <summary>Gets the appended cells of a value nothing matches at all.</summary>
    public static Resolution Unresolved { get; } = Fixed(RowStatus.Unresolved);

    /// <summary>Gets the appended cells of an empty cell.</summary>
    public static Resolution Empty { get; } = Fixed(RowStatus.Empty);

    /// <summary>Gets the number of distinct values cached.</summary>
    public int Cached => cache.Count;

    /// <summary>Gets the number of rows whose value was resolved without being cached (cache full or value too long).</summary>
    public long Uncached { get; private set; }

    /// <summary>Resolves one cell value, given its normalised form (from <see cref="Prefetch"/>).</summary>
    public Resolution Resolve(string value, string key)
    {
        if (key.Length == 0)
        {
            return Empty;
        }

        if (cache.TryGetValue(key, out var entry))
        {
            entry.Count++;
            return entry.Resolution;
        }

        var resolution = value.Length <= MaxCachedLength && prefetched.TryGetValue(key, out var ready) ? ready : Compute(value);
        // The raw length is bounded too: the search treats very long queries differently, so one key must mean one answer.
        if (cache.Count < CacheCapacity && value.Length <= MaxCachedLength)
        {
            cache.Add(key, new Entry(value.Trim(), resolution));
        }
        else
        {
            Uncached++;
        }

        return resolution;
    }

    /// <summary>Searches, on every core, the values of a batch of rows that <see cref="Resolve(string, string)"/> will
    /// need to search: not empty, not cached, short enough to cache, first of their normalised value in the batch (also
    /// once the cache is full: the answers then serve this batch only); and
    /// writes each value's normalised form into <paramref name="keys"/>. Resolve then takes each answer in row order, so
    /// the output, the cache and the counts are the same as without prefetching.</summary>
    public void Prefetch(IReadOnlyList<string> values, string[] keys)
    {
        // Answers of the previous batch were all taken (and cached, while the cache had room).
        prefetched.Clear();
        var pending = new List<(string Value, string Key)>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var key = keys[i] = Normalize(value);
            if (value.Length <= MaxCachedLength && key.Length > 0 && !cache.ContainsKey(key) && prefetched.TryAdd(key, PlaceResolver.Empty))
            {
                pending.Add((value, key));
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var resolutions = new Resolution[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => resolutions[i] = Compute(pending[i].Value));
        for (var i = 0; i < pending.Count; i++)
        {
            prefetched[pending[i].Key] = resolutions[i];
        }
    }

    /// <summary>The normalised form of a value, remembered per value as typed (up to <see cref="CacheCapacity"/> values),
    /// so that a repeated value is normalised once.</summary>
    private string Normalize(string value)
    {
        if (!normalized.TryGetValue(value, out var key))
        {
            key = NameNormalizer.Normalize(value);
            if (normalized.Count < CacheCapacity)
            {
                normalized.Add(value, key);
            }
        }

        return key;
    }

    /// <summary>The most frequent cached values with a status, most frequent first (ties by value).</summary>
    public IEnumerable<(string Value, long Count, Resolution Resolution)> MostFrequent(RowStatus status, int count) =>
        cache.Values
            .Where(e => e.Resolution.Status == status)
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Value, StringComparer.Ordinal)
            .Take(count)
            .Select(e => (e.Value, e.Count, e.Resolution));

    private static Resolution Fixed(RowStatus status)
    {
        var columns = new string[Columns.Length];
        Array.Fill(columns, string.Empty);
        columns[1] = Token(status);
        return new Resolution(status, columns, []);
    }

    /// <summary>The status as written in the output and the report.</summary>
    public static string Token(RowStatus status) => Tokens[(int)status];

    private Resolution Compute(string value)
    {
        var result = catalog.Search(value, options);
        if (result.Matches.Count == 0)
        {
            return Unresolved; // nothing near it: one shared answer
        }

        var matches = result.Matches.Take(candidates).ToList();
        var best = result.Best;
        var status = result.Status switch
        {
            SearchStatus.Resolved when best!.Place.IsHistorical => RowStatus.Historical,
            SearchStatus.Resolved => RowStatus.Resolved,
            SearchStatus.Ambiguous => RowStatus.Ambiguous,
            _ => RowStatus.Unresolved,
        };
        var codes = string.Join('|', matches.Select(m => m.Place.Code));
        var one = status is RowStatus.Resolved or RowStatus.Historical ? best : null;
        var columns = new[]
        {
            one?.Place.Code ?? string.Empty,
            Token(status),
            best is null ? string.Empty : best.Score.ToString("0.####", CultureInfo.InvariantCulture),
            one?.Place.ChineseName.Text ?? string.Empty,
            one?.Place.EnglishName.Text ?? string.Empty,
            one?.Place.GetName("ug-Arab")?.Text ?? string.Empty,
            one is null ? string.Empty : $"{one.Name.Text} ({one.Name.Language})",
            status switch
            {
                RowStatus.Historical => string.Join('|', one!.Place.SuccessorCodes),
                RowStatus.Resolved => one!.Explanation.Method == MatchMethod.Fuzzy ? codes : string.Empty,
                _ => codes,
            },
        };
        return new Resolution(status, Array.ConvertAll(columns, CsvCells.Guard), matches);
    }

    private sealed class Entry(string value, Resolution resolution)
    {
        public string Value { get; } = value;

        public Resolution Resolution { get; } = resolution;

        public long Count { get; set; } = 1;
    }
}

/// <summary>Spreadsheet formula injection guard for the cells <c>validate</c> writes (OWASP "CSV Injection").</summary>
internal static class CsvCells
{
    /// <summary>Returns the value with a leading <c>'</c> when it begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// TAB or CR, so that a spreadsheet shows it as text instead of running it; other values unchanged.</summary>
    public static string Guard(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
