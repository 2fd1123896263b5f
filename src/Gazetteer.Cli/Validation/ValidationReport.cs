using System.Globalization;
using System.Text.Json;

namespace Gazetteer.Cli.Validation;

/// <summary>What a <c>validate</c> run found: rows in and out, counts per status, the malformed records, the most
/// frequent unresolved and ambiguous values. Written as JSON (<c>--report</c>) and as a summary on standard error.</summary>
internal sealed class ValidationReport
{
    /// <summary>The most malformed records listed (all are counted).</summary>
    public const int MaxMalformedListed = 1000;

    /// <summary>How many unresolved and ambiguous values are listed.</summary>
    public const int TopValues = 10;

    private readonly long[] counts = new long[Enum.GetValues<RowStatus>().Length];
    private readonly List<(long Line, string Problem)> malformed = [];

    public required string Input { get; init; }

    public required string Output { get; init; }

    public required string Column { get; init; }

    public required string DataVersion { get; init; }

    public required bool Strict { get; init; }

    public string Encoding { get; set; } = string.Empty;

    public long RowsIn { get; set; }

    public long RowsOut { get; set; }

    /// <summary>Gets or sets a value indicating whether the output was written (false when <c>--strict</c> stopped at
    /// malformed input).</summary>
    public bool Completed { get; set; }

    public TimeSpan Elapsed { get; set; }

    public int ExitCode { get; set; }

    public long MalformedCount => counts[(int)RowStatus.Malformed];

    public long Count(RowStatus status) => counts[(int)status];

    public void Add(RowStatus status) => counts[(int)status]++;

    public void AddMalformed(long line, string problem)
    {
        counts[(int)RowStatus.Malformed]++;
        if (malformed.Count < MaxMalformedListed)
        {
            malformed.Add((line, problem));
        }
    }

    public IReadOnlyList<(long Line, string Problem)> Malformed => malformed;

    /// <summary>The exit code the counts call for: 0 when every row is resolved, historical or empty, else 1.</summary>
    public int ExitCodeForCounts() =>
        Count(RowStatus.Unresolved) + Count(RowStatus.Ambiguous) + MalformedCount > 0 ? ExitCodes.NeedsReview : ExitCodes.Success;

    /// <summary>Writes the JSON report.</summary>
    public void WriteJson(Stream stream, PlaceResolver? resolver)
    {
        using var json = new Utf8JsonWriter(stream, PlaceJson.Options);
        json.WriteStartObject();
        json.WriteString("input", Input);
        json.WriteString("output", Output);
        json.WriteString("column", Column);
        json.WriteString("encoding", Encoding);
        json.WriteString("data_version", DataVersion);
        json.WriteBoolean("strict", Strict);
        json.WriteBoolean("completed", Completed);
        json.WriteStartObject("rows");
        json.WriteNumber("input", RowsIn);
        json.WriteNumber("output", RowsOut);
        json.WriteEndObject();
        json.WriteStartObject("counts");
        foreach (var status in Enum.GetValues<RowStatus>())
        {
            json.WriteNumber(PlaceResolver.Token(status), Count(status));
        }

        json.WriteEndObject();
        WriteValues(json, "unresolved", resolver, RowStatus.Unresolved);
        WriteValues(json, "ambiguous", resolver, RowStatus.Ambiguous);
        json.WriteStartArray("malformed");
        foreach (var (line, problem) in malformed)
        {
            json.WriteStartObject();
            json.WriteNumber("line", line);
            json.WriteString("problem", problem);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("malformed_truncated", MalformedCount > malformed.Count);
        if (resolver is not null)
        {
            json.WriteStartObject("cache");
            json.WriteNumber("distinct_values", resolver.Cached);
            json.WriteNumber("uncached_rows", resolver.Uncached);
            json.WriteEndObject();
        }

        json.WriteNumber("elapsed_seconds", Math.Round(Elapsed.TotalSeconds, 3));
        json.WriteNumber("exit_code", ExitCode);
        json.WriteEndObject();
    }

    /// <summary>Writes the human summary.</summary>
    public void WriteSummary(TextWriter error, PlaceResolver? resolver)
    {
        var seconds = Elapsed.TotalSeconds;
        var rate = seconds > 0 ? RowsIn / seconds : 0;
        if (Completed)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"validate: {RowsIn} rows in, {RowsOut} rows out, column '{Column}', {seconds:0.00} s ({rate:0} rows/s)"));
            error.WriteLine("  " + string.Join(", ", Enum.GetValues<RowStatus>().Select(s => string.Create(CultureInfo.InvariantCulture, $"{PlaceResolver.Token(s)} {Count(s)}"))));
        }
        else
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"validate --strict: {RowsIn} rows checked, {MalformedCount} malformed, nothing written, {seconds:0.00} s"));
        }

        if (resolver is not null)
        {
            WriteTop(error, resolver, RowStatus.Unresolved, "unresolved");
            WriteTop(error, resolver, RowStatus.Ambiguous, "ambiguous");
        }

        if (malformed.Count > 0)
        {
            error.WriteLine($"  malformed records:");
            foreach (var (line, problem) in malformed.Take(TopValues))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    line {line}: {problem}"));
            }

            if (MalformedCount > TopValues)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    … and {MalformedCount - TopValues} more (--report lists up to {MaxMalformedListed})"));
            }
        }
    }

    private static void WriteTop(TextWriter error, PlaceResolver resolver, RowStatus status, string label)
    {
        var top = resolver.MostFrequent(status, 5).ToList();
        if (top.Count == 0)
        {
            return;
        }

        error.WriteLine($"  most frequent {label}:");
        foreach (var (value, count, resolution) in top)
        {
            var suggestions = resolution.Matches.Count == 0
                ? "no suggestion"
                : string.Join(" | ", resolution.Matches.Select(m => $"{m.Place.Code} {m.Place.ChineseName.Text} {m.Place.EnglishName.Text}"));
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    '{value}' ×{count}: {suggestions}"));
        }
    }

    private static void WriteValues(Utf8JsonWriter json, string property, PlaceResolver? resolver, RowStatus status)
    {
        json.WriteStartArray(property);
        foreach (var (value, count, resolution) in resolver?.MostFrequent(status, TopValues) ?? [])
        {
            json.WriteStartObject();
            json.WriteString("value", value);
            json.WriteNumber("count", count);
            json.WriteStartArray("suggestions");
            foreach (var match in resolution.Matches)
            {
                json.WriteStartObject();
                json.WriteString("code", match.Place.Code);
                json.WriteString("name_zh", match.Place.ChineseName.Text);
                json.WriteString("name_en", match.Place.EnglishName.Text);
                json.WriteNumber("score", match.Score);
                json.WriteBoolean("historical", match.Place.IsHistorical);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
