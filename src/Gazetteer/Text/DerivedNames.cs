using Gazetteer.Data;

namespace Gazetteer.Text;

/// <summary>The names the catalogue computes from attested ones by transliteration: Uyghur Latin (ULY) from Uyghur
/// Arabic script, so that a ULY spelling no source printed (ساۋەن → Sawen) still finds its place. Derived names are
/// marked <see cref="NameOrigin.Transliterated"/> and never presented as attested.</summary>
/// <remarks>For the built-in data the derived names are read from <c>data/derived-names.csv</c>, generated from the rule
/// files (a test fails when it is stale), so that loading never compiles a transliterator. For a user's folder without
/// that file they are computed at load.</remarks>
internal static class DerivedNames
{
    public const string FileName = "derived-names.csv";

    public static readonly string[] Header = ["code", "name", "lang", "scheme", "derived_from", "derived_from_lang"];

    /// <summary>The transforms applied to attested names of one language: source tag, target tag, scheme.</summary>
    private static readonly (string From, string To, string Scheme)[] Transforms =
    [
        ("ug-Arab", "ug-Latn", "ULY"),
    ];

    /// <summary>Computes the derived names of every place with the rule files.</summary>
    public static IReadOnlyList<(Place Place, PlaceName Name)> Compute(IEnumerable<Place> places)
    {
        var result = new List<(Place, PlaceName)>();
        foreach (var place in places)
        {
            foreach (var name in place.Names)
            {
                foreach (var (from, to, scheme) in Transforms)
                {
                    if (string.Equals(name.Language, from, StringComparison.Ordinal))
                    {
                        var text = Transliterator.Transliterate(name.Text, from, to);
                        if (place.Names.All(n => n.Text != text || n.Language != to))
                        {
                            result.Add((place, Derive(name, text, to, scheme)));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Writes derived names in the format of <c>data/derived-names.csv</c>.</summary>
    public static string Write(IEnumerable<(Place Place, PlaceName Name)> derived) =>
        GeneratedCsv.Write(Header, derived.Select(d => new[] { d.Place.Code, d.Name.Text, d.Name.Language, d.Name.Scheme, d.Name.DerivedFrom!.Text, d.Name.DerivedFrom.Language }));

    /// <summary>Reads <c>data/derived-names.csv</c>, attaching each row to the attested name it was derived from.</summary>
    public static IReadOnlyList<(Place Place, PlaceName Name)> Read(TextReader reader, IReadOnlyDictionary<string, Place> places, List<DataProblem> problems)
    {
        var result = new List<(Place, PlaceName)>();
        foreach (var record in CsvTable.Read(reader, FileName, Header, problems))
        {
            var f = record.Fields;
            var source = places.TryGetValue(f[0], out var place)
                ? place.Names.FirstOrDefault(n => n.Text == f[4] && n.Language == f[5])
                : null;
            if (place is null || source is null)
            {
                problems.Add(new DataProblem(FileName, record.Line, 5, "derived_from", f[4], $"'{f[4]}' ({f[5]}) is not an attested name of division '{f[0]}'. Expected the file to be regenerated from the current data."));
                continue;
            }

            result.Add((place, Derive(source, f[1], f[2], f[3])));
        }

        return result;
    }

    private static PlaceName Derive(PlaceName name, string text, string language, string scheme) => name with
    {
        Text = text,
        Language = language,
        Kind = NameKind.Romanization,
        Scheme = scheme,
        Field = null,
        Note = null,
        Origin = NameOrigin.Transliterated,
        DerivedFrom = name,
    };
}
