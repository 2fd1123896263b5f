using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer export [--format csv|json|jsonl] [--output FILE] [--include-derived]</c>: the whole dataset,
/// one record per division with its hierarchy and every name.</summary>
internal static class ExportCommand
{
    /// <summary>The CSV columns, in order: the division's, repeated on each of its rows, then the name's.</summary>
    internal static readonly string[] CsvHeader =
    [
        "code", "parent", "level", "kind", "xpcc", "valid_from", "valid_to", "successors", "ancestors", "source", "note",
        "name", "name_lang", "name_kind", "name_scheme", "name_valid_from", "name_valid_to", "name_source", "name_note",
        "name_field", "name_origin", "derived_from", "derived_from_lang",
    ];

    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format")
        {
            Description = "csv (one row per division and name), json (one document) or jsonl (one division per line).",
            DefaultValueFactory = _ => "csv",
            HelpName = "csv|json|jsonl",
        };
        format.AcceptOnlyFromAmong("csv", "json", "jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "file" };
        var includeDerived = new Option<bool>("--include-derived")
        {
            Description = "Also export the names the library computes (origin transliterated or generic-term-removed, with derived_from).",
        };
        var command = new Command("export", """
            Export the whole dataset denormalised: one record per division, current and historical, with its code,
            parent, level, kind, XPCC flag, validity, successors, ancestors (codes, nearest first), sources and every
            attested name with its language, kind, scheme, validity, source and note. CSV cells that begin with
            = + - @ TAB or CR are prefixed with ' so that spreadsheets do not run them as formulas.
            Examples:
              gazetteer export --format json --output gazetteer.json
              gazetteer export --format jsonl --include-derived | jq -r .code
              gazetteer export --data ./my-data > places-and-names.csv
            Exit codes: 0 done, 2 usage error (e.g. the output folder does not exist), 3 data error.
            """)
        {
            format,
            output,
            includeDerived,
        };
        command.SetAction(result =>
        {
            var catalog = GazetteerCli.Catalog(result);
            var derived = result.GetValue(includeDerived);
            var file = result.GetValue(output);
            using var writer = file is null ? null : OpenFile(file);
            var target = writer ?? console.Out;
            var rows = result.GetValue(format) switch
            {
                "json" => WriteJson(target, catalog, derived),
                "jsonl" => WriteJsonLines(target, catalog, derived),
                _ => WriteCsv(target, catalog, derived),
            };
            target.Flush();
            if (file is not null)
            {
                console.Error.WriteLine($"Wrote {catalog.Places.Count} divisions and {rows} names to '{file}'.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static StreamWriter OpenFile(string file)
    {
        if (Directory.Exists(file))
        {
            throw new UserErrorException($"--output: '{file}' is a folder. Expected a file name.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UserErrorException($"--output: folder '{folder}' does not exist.");
        }

        try
        {
            return new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--output: cannot write '{file}': {e.Message}", e);
        }
    }

    /// <summary>The names exported for a division: the attested ones, then (on request) the derived ones.</summary>
    private static IEnumerable<PlaceName> Names(PlaceCatalog catalog, Place place, bool includeDerived) =>
        includeDerived ? place.Names.Concat(catalog.GetDerivedNames(place.Code)) : place.Names;

    private static int WriteCsv(TextWriter output, PlaceCatalog catalog, bool includeDerived)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\n",
            InjectionOptions = InjectionOptions.Escape,
            InjectionEscapeCharacter = '\'',
        };
        var rows = 0;
        using var csv = new CsvWriter(output, configuration, leaveOpen: true);
        foreach (var column in CsvHeader)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var place in catalog.Places)
        {
            string?[] division =
            [
                place.Code, place.ParentCode, place.Level.ToToken(), place.Kind.ToToken(), place.IsXpcc ? "true" : "false",
                place.ValidFrom?.ToString(), place.ValidTo?.ToString(), string.Join(';', place.SuccessorCodes),
                string.Join(';', catalog.Ancestors(place.Code).Select(a => a.Code)), place.Source, place.Note,
            ];
            foreach (var name in Names(catalog, place, includeDerived))
            {
                foreach (var field in division)
                {
                    csv.WriteField(field);
                }

                string?[] fields =
                [
                    name.Text, name.Language, name.Kind.ToToken(), name.Scheme, name.ValidFrom?.ToString(), name.ValidTo?.ToString(),
                    name.DerivedFrom is null ? name.Source : null, name.Note, name.Field, PlaceJson.Origin(name.Origin),
                    name.DerivedFrom?.Text, name.DerivedFrom?.Language,
                ];
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
                rows++;
            }
        }

        csv.Flush();
        return rows;
    }

    private static int WriteJson(TextWriter output, PlaceCatalog catalog, bool includeDerived)
    {
        var rows = 0;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PlaceJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("data_version", catalog.DataVersion);
            json.WriteStartArray("places");
            foreach (var place in catalog.Places)
            {
                rows += WritePlace(json, catalog, place, includeDerived);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        return rows;
    }

    private static int WriteJsonLines(TextWriter output, PlaceCatalog catalog, bool includeDerived)
    {
        var rows = 0;
        var options = PlaceJson.Options with { Indented = false };
        using var stream = new MemoryStream();
        foreach (var place in catalog.Places)
        {
            stream.SetLength(0);
            using (var json = new Utf8JsonWriter(stream, options))
            {
                rows += WritePlace(json, catalog, place, includeDerived);
            }

            // Utf8JsonWriter escapes every control character inside strings, so the object holds no line break.
            output.WriteLine(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        }

        return rows;
    }

    private static int WritePlace(Utf8JsonWriter json, PlaceCatalog catalog, Place place, bool includeDerived)
    {
        json.WriteStartObject();
        json.WriteString("code", place.Code);
        PlaceJson.WriteStringOrNull(json, "parent", place.ParentCode);
        json.WriteString("level", place.Level.ToToken());
        json.WriteString("kind", place.Kind.ToToken());
        json.WriteBoolean("xpcc", place.IsXpcc);
        PlaceJson.WriteDate(json, "valid_from", place.ValidFrom);
        PlaceJson.WriteDate(json, "valid_to", place.ValidTo);
        json.WriteStartArray("successors");
        foreach (var code in place.SuccessorCodes)
        {
            json.WriteStringValue(code);
        }

        json.WriteEndArray();
        json.WriteStartArray("ancestors");
        foreach (var ancestor in catalog.Ancestors(place.Code))
        {
            json.WriteStringValue(ancestor.Code);
        }

        json.WriteEndArray();
        json.WriteString("source", place.Source);
        PlaceJson.WriteStringOrNull(json, "note", place.Note);
        json.WriteStartArray("names");
        var count = 0;
        foreach (var name in Names(catalog, place, includeDerived))
        {
            PlaceJson.WriteExportName(json, name);
            count++;
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return count;
    }
}
