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
        WriteStringOrNull(json, "parent", place.ParentCode);

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

        json.WriteString("origin", Origin(name.Origin));
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

    /// <summary>Writes one name of <c>gazetteer export</c>: every attested field (null when absent); a derived name
    /// carries its origin and the name it was computed from (recursively) instead of a source.</summary>
    public static void WriteExportName(Utf8JsonWriter json, PlaceName name)
    {
        json.WriteStartObject();
        json.WriteString("text", name.Text);
        json.WriteString("lang", name.Language);
        json.WriteString("kind", name.Kind.ToToken());
        WriteStringOrNull(json, "scheme", name.Scheme);
        WriteDate(json, "valid_from", name.ValidFrom);
        WriteDate(json, "valid_to", name.ValidTo);
        WriteStringOrNull(json, "field", name.Field);
        json.WriteString("origin", Origin(name.Origin));
        WriteStringOrNull(json, "note", name.Note);
        if (name.DerivedFrom is not null)
        {
            json.WritePropertyName("derived_from");
            WriteExportName(json, name.DerivedFrom);
        }
        else
        {
            json.WriteString("source", name.Source);
        }

        json.WriteEndObject();
    }

    /// <summary>The token of a name's origin: <c>attested</c>, <c>generic-term-removed</c> or <c>transliterated</c>.</summary>
    public static string Origin(NameOrigin origin) => origin switch
    {
        NameOrigin.GenericTermRemoved => "generic-term-removed",
        NameOrigin.Transliterated => "transliterated",
        _ => "attested",
    };

    public static void WriteStringOrNull(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }

    /// <summary>The JSON token of a match method: exact, folded, match-key or fuzzy.</summary>
    public static string Token(MatchMethod method) => method switch
    {
        MatchMethod.Folded => "folded",
        MatchMethod.MatchKey => "match-key",
        MatchMethod.Fuzzy => "fuzzy",
        _ => "exact",
    };

    public static void WriteDate(Utf8JsonWriter json, string property, PartialDate? date) =>
        WriteStringOrNull(json, property, date?.ToString());
}
