using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gazetteer.Cli;

/// <summary>Writes places and matches as JSON: the shapes documented in the README.</summary>
internal static class PlaceJson
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WritePlace(Utf8JsonWriter json, Place place)
    {
        json.WriteString("code", place.Code);
        json.WriteString("level", place.Level.ToToken());
        json.WriteString("kind", place.Kind.ToToken());
        if (place.ParentCode is null)
        {
            json.WriteNull("parent");
        }
        else
        {
            json.WriteString("parent", place.ParentCode);
        }

        json.WriteBoolean("xpcc", place.IsXpcc);
        WriteDate(json, "valid_from", place.ValidFrom);
        WriteDate(json, "valid_to", place.ValidTo);
        json.WriteStartArray("successors");
        foreach (var code in place.SuccessorCodes)
        {
            json.WriteStringValue(code);
        }

        json.WriteEndArray();
        json.WriteStartObject("names");
        foreach (var name in place.Names.Where(n => n.IsPrimary))
        {
            json.WriteString(name.Field!, name.Text);
        }

        json.WriteEndObject();
    }

    public static void WriteName(Utf8JsonWriter json, string property, PlaceName name)
    {
        json.WriteStartObject(property);
        json.WriteString("text", name.Text);
        json.WriteString("lang", name.Language);
        json.WriteString("kind", name.Kind.ToToken());
        if (name.Scheme is not null)
        {
            json.WriteString("scheme", name.Scheme);
        }

        json.WriteString("origin", name.Origin switch
        {
            NameOrigin.GenericTermRemoved => "generic-term-removed",
            NameOrigin.Transliterated => "transliterated",
            _ => "attested",
        });
        WriteDate(json, "valid_from", name.ValidFrom);
        WriteDate(json, "valid_to", name.ValidTo);
        if (name.DerivedFrom is not null)
        {
            WriteName(json, "derived_from", name.DerivedFrom);
        }
        else
        {
            json.WriteString("source", name.Source);
        }

        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string property, PartialDate? date)
    {
        if (date is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, date.Value.ToString());
        }
    }
}
