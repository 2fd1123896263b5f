using System.CommandLine;
using System.Text;
using System.Text.Json;
using Gazetteer.Text;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer info [--json]</c>: what the loaded dataset holds — version, counts, coverage, transliteration pairs.</summary>
internal static class InfoCommand
{
    /// <summary>The main-name columns of <c>places.csv</c>, in file order.</summary>
    internal static readonly string[] Columns = ["zh", "pinyin", "en", "ug_arab", "ug_latn", "gnc", "kk_arab", "kk_cyrl"];

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("info", """
            Describe the loaded dataset: data version; divisions per level and kind, current and historical; attested
            names per language tag; how many current divisions have each main-name column filled; the number of derived
            names; the supported transliteration pairs.
            Examples:
              gazetteer info
              gazetteer info --json
              gazetteer info --data ./my-data
            Exit codes: 0 done, 2 usage error, 3 data error.
            """)
        {
            json,
        };
        command.SetAction(result =>
        {
            var stats = DatasetStats.Of(GazetteerCli.Catalog(result));
            if (result.GetValue(json))
            {
                WriteJson(console.Out, stats);
            }
            else
            {
                WriteText(console.Out, stats);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, DatasetStats stats)
    {
        output.WriteLine($"data version  {stats.DataVersion}");
        output.WriteLine();
        output.WriteLine($"{"divisions",-26} {"current",8} {"historical",10}");
        output.WriteLine($"  {"total",-24} {stats.Current,8} {stats.Historical,10}");
        output.WriteLine("  by level");
        foreach (var (token, counts) in stats.ByLevel)
        {
            output.WriteLine($"    {token,-22} {counts.Current,8} {counts.Historical,10}");
        }

        output.WriteLine("  by kind");
        foreach (var (token, counts) in stats.ByKind)
        {
            output.WriteLine($"    {token,-22} {counts.Current,8} {counts.Historical,10}");
        }

        output.WriteLine();
        output.WriteLine($"attested names  {stats.AttestedNames}");
        foreach (var (language, count) in stats.ByLanguage)
        {
            output.WriteLine($"  {language,-24} {count,8}");
        }

        output.WriteLine();
        output.WriteLine($"derived names  {stats.Transliterated + stats.GenericTermRemoved} ({stats.Transliterated} transliterated, {stats.GenericTermRemoved} with the generic word removed)");
        output.WriteLine();
        output.WriteLine("main names of current divisions (filled/total)");
        foreach (var (column, filled) in stats.Coverage)
        {
            output.WriteLine($"  {column,-24} {filled,4}/{stats.Current}");
        }

        output.WriteLine();
        output.WriteLine($"transliteration pairs  {stats.Pairs.Count}");
        foreach (var pair in stats.Pairs)
        {
            output.WriteLine($"  {pair.From + " → " + pair.To,-40} {string.Join(" + ", pair.Steps)}");
        }
    }

    private static void WriteJson(TextWriter output, DatasetStats stats)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PlaceJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("data_version", stats.DataVersion);
            json.WriteStartObject("divisions");
            WriteCounts(json, "total", (stats.Current, stats.Historical));
            WriteCountsObject(json, "by_level", stats.ByLevel);
            WriteCountsObject(json, "by_kind", stats.ByKind);
            json.WriteEndObject();

            json.WriteStartObject("names");
            json.WriteNumber("attested", stats.AttestedNames);
            json.WriteStartObject("by_language");
            foreach (var (language, count) in stats.ByLanguage)
            {
                json.WriteNumber(language, count);
            }

            json.WriteEndObject();
            json.WriteStartObject("derived");
            json.WriteNumber("total", stats.Transliterated + stats.GenericTermRemoved);
            json.WriteNumber("transliterated", stats.Transliterated);
            json.WriteNumber("generic-term-removed", stats.GenericTermRemoved);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("coverage");
            foreach (var (column, filled) in stats.Coverage)
            {
                json.WriteStartObject(column);
                json.WriteNumber("filled", filled);
                json.WriteNumber("total", stats.Current);
                json.WriteEndObject();
            }

            json.WriteEndObject();

            json.WriteStartArray("transliteration_pairs");
            foreach (var pair in stats.Pairs)
            {
                json.WriteStartObject();
                json.WriteString("from", pair.From);
                json.WriteString("to", pair.To);
                json.WriteStartArray("steps");
                foreach (var step in pair.Steps)
                {
                    json.WriteStringValue(step);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteCountsObject(Utf8JsonWriter json, string property, IReadOnlyList<(string Token, (int Current, int Historical) Counts)> rows)
    {
        json.WriteStartObject(property);
        foreach (var (token, counts) in rows)
        {
            WriteCounts(json, token, counts);
        }

        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string property, (int Current, int Historical) counts)
    {
        json.WriteStartObject(property);
        json.WriteNumber("current", counts.Current);
        json.WriteNumber("historical", counts.Historical);
        json.WriteEndObject();
    }

    /// <summary>The figures <c>info</c> prints, computed from a catalogue through its public API.</summary>
    private sealed record DatasetStats(
        string DataVersion,
        int Current,
        int Historical,
        IReadOnlyList<(string Token, (int Current, int Historical) Counts)> ByLevel,
        IReadOnlyList<(string Token, (int Current, int Historical) Counts)> ByKind,
        int AttestedNames,
        IReadOnlyList<(string Language, int Count)> ByLanguage,
        int Transliterated,
        int GenericTermRemoved,
        IReadOnlyList<(string Column, int Filled)> Coverage,
        IReadOnlyList<TransliterationPair> Pairs)
    {
        public static DatasetStats Of(PlaceCatalog catalog)
        {
            var places = catalog.Places;
            var current = places.Where(p => !p.IsHistorical).ToList();
            (int, int) Count(Func<Place, bool> predicate) => (current.Count(predicate), places.Count(p => p.IsHistorical && predicate(p)));
            var derived = places.SelectMany(p => catalog.GetDerivedNames(p.Code)).ToList();
            return new DatasetStats(
                catalog.DataVersion,
                current.Count,
                places.Count - current.Count,
                [.. Enum.GetValues<PlaceLevel>().Select(level => (level.ToToken(), Count(p => p.Level == level)))],
                [.. Enum.GetValues<PlaceKind>().Select(kind => (kind.ToToken(), Count(p => p.Kind == kind)))],
                places.Sum(p => p.Names.Count),
                [.. places.SelectMany(p => p.Names)
                    .GroupBy(n => n.Language, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Count()))
                    .OrderByDescending(g => g.Item2)
                    .ThenBy(g => g.Key, StringComparer.Ordinal)],
                derived.Count(n => n.Origin == NameOrigin.Transliterated),
                derived.Count(n => n.Origin == NameOrigin.GenericTermRemoved),
                [.. Columns.Select(column => (column, current.Count(p => p.Names.Any(n => n.Field == column))))],
                Transliterator.SupportedPairs);
        }
    }
}
