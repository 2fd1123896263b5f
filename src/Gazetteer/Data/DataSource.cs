using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gazetteer.Text;
using Gazetteer.Utility;

namespace Gazetteer.Data;

/// <summary>Where the data files come from: the assembly's embedded resources or a user's folder.</summary>
internal static class DataSource
{
    private const string Prefix = "Gazetteer.data/";

    public static Stream OpenEmbedded(string name) =>
        typeof(DataSource).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new GazetteerDataException($"{name}: the embedded resource is missing from the assembly. Expected it to be built in from data/.");

    public static bool HasEmbedded(string name) => typeof(DataSource).Assembly.GetManifestResourceInfo(Prefix + name) is not null;

    public static IEnumerable<string> EmbeddedNames(string folder) =>
        typeof(DataSource).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);

    public static string ReadEmbeddedText(string name)
    {
        using var reader = new StreamReader(OpenEmbedded(name), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Builds a catalogue from the two dataset files; languages and generic terms come from
    /// <paramref name="folder"/> when it has them, else from the embedded data.</summary>
    public static PlaceCatalog Load(byte[] places, byte[] names, string? folder, string? versionLabel, bool embedded)
    {
        var problems = new List<DataProblem>();
        var languages = LanguageRegistry.Read(OpenText("languages.csv", folder), "languages.csv", problems);
        var terms = GenericTerms.Read(OpenText("generic-terms.csv", folder), "generic-terms.csv", problems);
        if (problems.Count > 0)
        {
            throw new GazetteerDataException(problems);
        }

        var placesText = Decode(places, "places.csv", problems);
        var namesText = Decode(names, "names.csv", problems);
        if (problems.Count > 0)
        {
            throw new GazetteerDataException(problems);
        }

        var reader = new DatasetReader(languages);
        var list = reader.Read(new StringReader(placesText), new StringReader(namesText));
        var version = $"{versionLabel ?? ReadVersion(folder)}+{Hash(places, names)}";
        return new PlaceCatalog(list, terms, version, byCode => DeriveNames(byCode, folder, embedded), () => ReadMatchKeys(embedded));
    }

    /// <summary>Derived names come from <c>derived-names.csv</c> (embedded, or in the user's folder), else are computed.</summary>
    private static IReadOnlyList<(Place Place, PlaceName Name)> DeriveNames(IReadOnlyDictionary<string, Place> byCode, string? folder, bool embedded)
    {
        TextReader? reader = null;
        if (embedded && HasEmbedded(DerivedNames.FileName))
        {
            reader = new StreamReader(OpenEmbedded(DerivedNames.FileName), Encoding.UTF8);
        }
        else if (folder is not null && File.Exists(Path.Combine(folder, DerivedNames.FileName)))
        {
            reader = new StreamReader(Path.Combine(folder, DerivedNames.FileName), Encoding.UTF8);
        }

        if (reader is null)
        {
            return DerivedNames.Compute(byCode.Values.OrderBy(p => p.Code, StringComparer.Ordinal));
        }

        using (reader)
        {
            var problems = new List<DataProblem>();
            var derived = DerivedNames.Read(reader, byCode, problems);
            return problems.Count > 0 ? throw new GazetteerDataException(problems) : derived;
        }
    }

    /// <summary>Match keys generated into <c>match-keys.csv</c> for the built-in data, so that search needs no
    /// transliterator to build its index; names without one (a user's data) are keyed at index time.</summary>
    private static Dictionary<(string Text, string Language), string> ReadMatchKeys(bool embedded)
    {
        var keys = new Dictionary<(string, string), string>();
        if (!embedded || !HasEmbedded(MatchKeyFile.FileName))
        {
            return keys;
        }

        var problems = new List<DataProblem>();
        using var reader = new StreamReader(OpenEmbedded(MatchKeyFile.FileName), Encoding.UTF8);
        foreach (var record in CsvTable.Read(reader, MatchKeyFile.FileName, MatchKeyFile.Header, problems))
        {
            keys[(record.Fields[0], record.Fields[1])] = record.Fields[2];
        }

        return problems.Count > 0 ? throw new GazetteerDataException(problems) : keys;
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string Decode(byte[] bytes, string fileName, List<DataProblem> problems)
    {
        var body = StripBom(bytes);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, body.Length);
            var line = 1 + body.AsSpan(0, at).Count((byte)'\n');
            var column = at - (body.AsSpan(0, at).LastIndexOf((byte)'\n') + 1) + 1;
            problems.Add(new DataProblem(fileName, line, 0, null, null, ErrorMessages.InvalidUtf8(column)));
            return string.Empty;
        }
    }

    private static byte[] StripBom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;

    private static StreamReader OpenText(string name, string? folder)
    {
        if (folder is not null && File.Exists(Path.Combine(folder, name)))
        {
            return new StreamReader(Path.Combine(folder, name), Encoding.UTF8);
        }

        return new StreamReader(OpenEmbedded(name), Encoding.UTF8);
    }

    private static string ReadVersion(string? folder)
    {
        string json;
        if (folder is not null)
        {
            var path = Path.Combine(folder, "datapackage.json");
            if (!File.Exists(path))
            {
                return "custom";
            }

            json = File.ReadAllText(path);
        }
        else if (HasEmbedded("datapackage.json"))
        {
            json = ReadEmbeddedText("datapackage.json");
        }
        else
        {
            return "unversioned";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()!
                : "unversioned";
        }
        catch (JsonException e)
        {
            throw new GazetteerDataException([new DataProblem("datapackage.json", 0, 0, null, null, ErrorMessages.Unreadable(e.Message))]);
        }
    }

    private static string Hash(byte[] places, byte[] names)
    {
        var hash = SHA256.HashData([.. places, .. names]);
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
