using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Gazetteer.Data;
using Gazetteer.Text;
using Gazetteer.Utility;

namespace Gazetteer;

/// <summary>The catalogue of Xinjiang's divisions and their names: find a place by code, or every place a name denotes.</summary>
/// <remarks>
/// <para>Load it once — <see cref="Default"/> from the data built into the assembly, or <see cref="FromDirectory"/> /
/// <see cref="Load"/> from files a user extends — then share it: an instance is immutable and safe to use from any
/// number of threads at once.</para>
/// <para>Names are indexed under <see cref="NameNormalizer.Normalize"/> and, as a fallback, under
/// <see cref="NameNormalizer.Fold"/>; each full name is also indexed without its generic word (额敏县 → 额敏,
/// Dörbiljin Nahiyisi → Dörbiljin), as a name derived from the attested one.</para>
/// </remarks>
public sealed class PlaceCatalog
{
    /// <summary>Queries longer than this many characters cannot be a name in the dataset and are not normalised.</summary>
    private const int MaxQueryLength = 512;

    private static readonly Lazy<PlaceCatalog> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Place> byCode;
    private readonly FrozenDictionary<string, Place[]> children;
    private readonly FrozenDictionary<string, PlaceMatch[]> byKey;
    private readonly FrozenDictionary<string, PlaceMatch[]> byFoldedKey;
    private readonly FrozenDictionary<string, PlaceMatch[]>.AlternateLookup<ReadOnlySpan<char>> byKeySpan;

    internal PlaceCatalog(IReadOnlyList<Place> places, GenericTerms terms, string dataVersion, Func<IReadOnlyDictionary<string, Place>, IReadOnlyList<(Place Place, PlaceName Name)>> derive)
    {
        Places = places;
        Terms = terms;
        DataVersion = dataVersion;
        byCode = places.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        children = places
            .Where(p => p.ParentCode is not null)
            .GroupBy(p => p.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.IsHistorical).ThenBy(p => p.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        var forms = new List<PlaceMatch>();
        foreach (var place in places)
        {
            foreach (var name in place.Names)
            {
                forms.Add(new PlaceMatch(place, name));
                AddBareForm(forms, place, name);
            }
        }

        Derived = derive(byCode);
        foreach (var (place, name) in Derived)
        {
            forms.Add(new PlaceMatch(place, name));
            AddBareForm(forms, place, name);
        }

        Forms = forms;
        var keyed = forms.Select(f => (Key: NameNormalizer.Normalize(f.Name.Text), Form: f)).ToList();
        byKey = Index(keyed);
        byFoldedKey = Index(keyed.Select(k => (NameNormalizer.FoldNormalized(k.Key), k.Form)));
        byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the catalogue of the dataset built into the library, loaded on first use.</summary>
    /// <exception cref="GazetteerDataException">The embedded data is invalid (a build defect).</exception>
    public static PlaceCatalog Default => LazyDefault.Value;

    /// <summary>Gets every division, current and historical, ordered by code.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Gets the version of the data: the dataset version and a hash of its contents, e.g. <c>2026.11.0+1a2b3c4d</c>.</summary>
    public string DataVersion { get; }

    /// <summary>Gets every indexed form: each attested name and each name derived from one.</summary>
    internal IReadOnlyList<PlaceMatch> Forms { get; }

    internal GenericTerms Terms { get; }

    /// <summary>Gets the names computed from attested ones by transliteration (see <see cref="DerivedNames"/>).</summary>
    internal IReadOnlyList<(Place Place, PlaceName Name)> Derived { get; }

    /// <summary>Loads a catalogue from a folder holding <c>places.csv</c> and <c>names.csv</c> (and optionally
    /// <c>languages.csv</c>, <c>generic-terms.csv</c> and <c>datapackage.json</c>; the built-in ones are used otherwise).</summary>
    /// <param name="path">The folder.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="GazetteerDataException">A file is missing or has problems; every problem is listed.</exception>
    public static PlaceCatalog FromDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var placesPath = Path.Combine(path, "places.csv");
        var namesPath = Path.Combine(path, "names.csv");
        foreach (var file in new[] { placesPath, namesPath })
        {
            if (!File.Exists(file))
            {
                throw new GazetteerDataException([new DataProblem(Path.GetFileName(file), 0, 0, null, null, ErrorMessages.MissingFile(file))]);
            }
        }

        return DataSource.Load(File.ReadAllBytes(placesPath), File.ReadAllBytes(namesPath), path, null, embedded: false);
    }

    /// <summary>Loads a catalogue from the contents of <c>places.csv</c> and <c>names.csv</c>.</summary>
    /// <param name="places">The places file (UTF-8).</param>
    /// <param name="names">The names file (UTF-8).</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="GazetteerDataException">The data has problems; every problem is listed.</exception>
    public static PlaceCatalog Load(Stream places, Stream names)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(names);
        return DataSource.Load(DataSource.ReadAll(places), DataSource.ReadAll(names), null, "custom", embedded: false);
    }

    /// <summary>Gets the division with a code.</summary>
    /// <param name="code">A six-digit code.</param>
    /// <returns>The division.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public Place Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFind(code, out var place)
            ? place
            : throw new PlaceNotFoundException($"No division has the code '{code}'.");
    }

    /// <summary>Tries to get the division with a code.</summary>
    /// <param name="code">A six-digit code.</param>
    /// <param name="place">The division when found.</param>
    /// <returns>Whether a division has that code.</returns>
    public bool TryFind(string? code, [NotNullWhen(true)] out Place? place)
    {
        place = null;
        return code is not null && byCode.TryGetValue(code, out place);
    }

    /// <summary>Finds every division with a name equal to <paramref name="name"/> after normalisation.</summary>
    /// <remarks>Exact names only (with or without their generic word, with or without diacritics); for spelling
    /// variants, typos and qualified forms use search. Current divisions come first, then by level and code.
    /// Never throws for any non-null string.</remarks>
    /// <param name="name">A name in any script, e.g. <c>Dorbiljin</c>, <c>额敏县</c>, <c>دۆربىلجىن</c>.</param>
    /// <returns>One match per division, with the name that matched; empty when none.</returns>
    public IReadOnlyList<PlaceMatch> Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxQueryLength)
        {
            return [];
        }

        var key = NameNormalizer.Normalize(name);
        if (byKey.TryGetValue(key, out var matches))
        {
            return matches;
        }

        return byFoldedKey.TryGetValue(NameNormalizer.FoldNormalized(key), out matches) ? matches : [];
    }

    /// <summary>Finds divisions by a name that is already a primary key (<see cref="NameNormalizer.Normalize"/>), without allocating.</summary>
    internal ReadOnlySpan<PlaceMatch> LookupNormalized(ReadOnlySpan<char> key) =>
        byKeySpan.TryGetValue(key, out var matches) ? matches : [];

    /// <summary>Gets the divisions directly under a division: current ones first, each group by code.</summary>
    /// <param name="code">The parent's code.</param>
    /// <returns>The children; empty for a county-level division.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public IReadOnlyList<Place> Children(string code)
    {
        Find(code);
        return children.TryGetValue(code, out var list) ? list : [];
    }

    /// <summary>Gets the division directly above a division.</summary>
    /// <param name="code">The child's code.</param>
    /// <returns>The parent, or null for the region.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public Place? Parent(string code)
    {
        var place = Find(code);
        return place.ParentCode is null ? null : byCode[place.ParentCode];
    }

    /// <summary>Gets the divisions above a division, nearest first, ending with the region.</summary>
    /// <param name="code">The division's code.</param>
    /// <returns>The ancestors; empty for the region.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public IReadOnlyList<Place> Ancestors(string code)
    {
        var result = new List<Place>();
        for (var parent = Parent(code); parent is not null; parent = parent.ParentCode is null ? null : byCode[parent.ParentCode])
        {
            result.Add(parent);
        }

        return result;
    }

    private void AddBareForm(List<PlaceMatch> forms, Place place, PlaceName name)
    {
        if (Terms.Strip(name.Text) is { } bare)
        {
            forms.Add(new PlaceMatch(place, name with
            {
                Text = bare,
                Kind = NameKind.ShortForm,
                Field = null,
                Note = null,
                Origin = NameOrigin.GenericTermRemoved,
                DerivedFrom = name,
            }));
        }
    }

    /// <summary>Loads the embedded dataset: the path behind <see cref="Default"/> (internal so benchmarks can time a fresh load).</summary>
    internal static PlaceCatalog LoadEmbedded()
    {
        using var places = DataSource.OpenEmbedded("places.csv");
        using var names = DataSource.OpenEmbedded("names.csv");
        return DataSource.Load(DataSource.ReadAll(places), DataSource.ReadAll(names), null, null, embedded: true);
    }

    private static FrozenDictionary<string, PlaceMatch[]> Index(IEnumerable<(string Key, PlaceMatch Form)> keyed) =>
        keyed
            .Where(k => k.Key.Length > 0)
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(k => k.Form)
                    .GroupBy(f => f.Place)
                    .Select(byPlace => byPlace.OrderBy(Rank).First())
                    .OrderBy(f => f.Place.IsHistorical)
                    .ThenBy(f => f.Name.IsHistorical)
                    .ThenBy(f => f.Place.Level)
                    .ThenBy(f => f.Place.Code, StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.Ordinal);

    /// <summary>Which of a place's forms best explains a match: attested main names, then other attested names, then derived forms.</summary>
    private static int Rank(PlaceMatch form) =>
        (form.Name.Origin == NameOrigin.Attested ? 0 : 4) + (form.AttestedName.IsPrimary ? 0 : 2) + (form.Name.IsHistorical ? 1 : 0);
}
