using System.CommandLine;
using System.Text.Json;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer lookup NAME [--json]</c>: every division with exactly that name (after normalisation).</summary>
internal static class LookupCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "A name in any script, e.g. Dorbiljin, 额敏县, دۆربىلجىن; - reads it from standard input." };
        var json = new Option<bool>("--json") { Description = "Print the matches as JSON." };
        var command = new Command("lookup", """
            Find every division with exactly this name, in any script (case, diacritics and the generic word aside).
            Examples:
              gazetteer lookup Dorbiljin
              gazetteer lookup 乌苏市 --json
            Exit codes: 0 found, 1 not found, 2 usage error, 3 data error.
            """)
        {
            name,
            json,
        };
        command.SetAction(result =>
        {
            var catalog = GazetteerCli.Catalog(result);
            var query = CliInput.TextOrStdin(result.GetValue(name)!, console);
            var matches = catalog.Lookup(query);
            if (result.GetValue(json))
            {
                WriteJson(console.Out, query, catalog, matches);
            }
            else
            {
                WriteText(console.Out, catalog, matches);
            }

            if (matches.Count == 0)
            {
                console.Error.WriteLine($"No division is named '{query}'. Try 'gazetteer search' for spelling variants.");
                return ExitCodes.NotFound;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, PlaceCatalog catalog, IReadOnlyList<PlaceMatch> matches)
    {
        foreach (var match in matches)
        {
            var place = match.Place;
            var parent = place.ParentCode is null ? "—" : $"{place.ParentCode} {catalog.Find(place.ParentCode).ChineseName.Text}";
            var status = place.IsHistorical
                ? $"  [historical until {place.ValidTo}; successor {string.Join(", ", place.SuccessorCodes)}]"
                : string.Empty;
            output.WriteLine($"{place.Code}  {place.ChineseName.Text}  {place.EnglishName.Text}{status}");
            output.WriteLine($"  level {place.Level.ToToken()}, kind {place.Kind.ToToken()}{(place.IsXpcc ? ", XPCC" : string.Empty)}, parent {parent}");
            foreach (var name in place.Names.Where(n => n.IsPrimary))
            {
                output.WriteLine($"  {name.Field,-8} {name.Text}");
            }

            var method = match.Method switch
            {
                MatchMethod.Folded => " — without diacritics and separators",
                MatchMethod.MatchKey => " — same match key (another romanization of the name)",
                _ => string.Empty,
            };
            output.WriteLine($"  matched  {Describe(match.Name)}{method}");
            output.WriteLine();
        }
    }

    /// <summary>The matched name and how it was derived: "'Sawen' (ug-Latn, short, generic word removed from …)".</summary>
    internal static string Describe(PlaceName name)
    {
        var validity = name.ValidTo is null ? string.Empty : $", until {name.ValidTo}";
        var scheme = name.Scheme is null ? string.Empty : $" {name.Scheme}";
        var derivation = string.Concat(name.DescribeDerivation().Select(step => ", " + step));
        return $"'{name.Text}' ({name.Language}{scheme}, {name.Kind.ToToken()}{validity}{derivation})";
    }

    private static void WriteJson(TextWriter output, string query, PlaceCatalog catalog, IReadOnlyList<PlaceMatch> matches)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PlaceJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("query", query);
            json.WriteString("data_version", catalog.DataVersion);
            json.WriteStartArray("results");
            foreach (var match in matches)
            {
                json.WriteStartObject();
                PlaceJson.WritePlace(json, match.Place);
                PlaceJson.WriteName(json, "matched", match.Name);
                json.WriteString("method", PlaceJson.Token(match.Method));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
