using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer search QUERY</c>: the divisions a free-text place name most likely means, ranked and explained.</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string>("query") { Description = "Any spelling in any script, e.g. 'Dorbiljin (Emin) county', شىخۇ, 'Sawen, Tarbaghatay'; - reads it from standard input." };
        var limit = new Option<int>("--limit") { Description = "Largest number of matches (default 5).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var asOf = new Option<string?>("--as-of") { Description = "Date the name refers to (YYYY-MM-DD): divisions that existed then rank first." };
        var command = new Command("search", """
            Find the divisions a free-text name most likely means: any script or romanization, generic words, case
            endings, qualifiers and typos; each match with its score and how it was found.
            Examples:
              gazetteer search "Dorbiljin (Emin) county"
              gazetteer search "Sawen, Tarbaghatay" --json
              gazetteer search Hotan --limit 3
            Exit codes: 0 resolved, 1 unresolved, 2 usage error, 3 data error, 4 ambiguous.
            """)
        {
            query,
            limit,
            json,
            asOf,
        };
        command.SetAction(result =>
        {
            var catalog = GazetteerCli.Catalog(result);
            var text = CliInput.TextOrStdin(result.GetValue(query)!, console);
            var date = result.GetValue(asOf) is { } value
                ? DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new UserErrorException($"--as-of: '{value}' is not a date of the form YYYY-MM-DD.")
                : (DateOnly?)null;
            var count = result.GetValue(limit);
            if (count < 1)
            {
                throw new UserErrorException($"--limit: {count} is not a positive number.");
            }

            var found = catalog.Search(text, new SearchOptions { Limit = count, AsOf = date });
            if (result.GetValue(json))
            {
                WriteJson(console.Out, catalog, found);
            }
            else
            {
                WriteTable(console, found);
            }

            return found.Status switch
            {
                SearchStatus.Resolved => ExitCodes.Success,
                SearchStatus.Ambiguous => ExitCodes.Ambiguous,
                _ => ExitCodes.NotFound,
            };
        });
        return command;
    }

    private static void WriteTable(CliConsole console, SearchResult found)
    {
        if (found.Matches.Count == 0)
        {
            console.Error.WriteLine($"No division matches '{found.Query}'.");
            return;
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("code").AddColumn("name").AddColumn("kind").AddColumn(new TableColumn("score").RightAligned()).AddColumn("matched / why");
        foreach (var match in found.Matches)
        {
            var place = match.Place;
            var name = $"{place.ChineseName.Text} {place.EnglishName.Text}{(place.IsHistorical ? $" (until {place.ValidTo})" : string.Empty)}";
            table.AddRow(
                Markup.Escape(place.Code),
                Markup.Escape(name),
                Markup.Escape(place.Kind.ToToken()),
                match.Score.ToString("F3", CultureInfo.InvariantCulture),
                Markup.Escape(match.Explanation.ToString()));
        }

        ansi.Write(table);
        console.Out.WriteLine($"status: {found.Status.ToString().ToLowerInvariant()}");
    }

    private static void WriteJson(TextWriter output, PlaceCatalog catalog, SearchResult found)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PlaceJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("query", found.Query);
            json.WriteString("data_version", catalog.DataVersion);
            json.WriteString("status", found.Status.ToString().ToLowerInvariant());
            json.WriteStartArray("results");
            foreach (var match in found.Matches)
            {
                json.WriteStartObject();
                PlaceJson.WritePlace(json, match.Place);
                PlaceJson.WriteName(json, "matched", match.Name);
                json.WriteNumber("score", match.Score);
                json.WriteStartObject("explanation");
                json.WriteString("method", PlaceJson.Token(match.Explanation.Method));
                json.WriteNumber("edits", match.Explanation.Edits);
                if (match.Explanation.QueryKey is not null)
                {
                    json.WriteString("query_key", match.Explanation.QueryKey);
                }

                json.WriteStartArray("steps");
                foreach (var step in match.Explanation.Steps)
                {
                    json.WriteStringValue(step);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
