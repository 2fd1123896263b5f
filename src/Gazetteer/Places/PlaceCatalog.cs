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

    private readonly Lazy<Gazetteer.Search.PlaceSearch> search;

    private static readonly Lazy<PlaceCatalog> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Place> byCode;
    private readonly Dictionary<string, Place[]> children;
    private readonly Dictionary<string, PlaceMatch[]> byKey;
    private readonly Dictionary<string, PlaceMatch[]> byFoldedKey;
    private readonly Dictionary<string, PlaceMatch[]>.AlternateLookup<ReadOnlySpan<char>> byKeySpan;
    private readonly Lazy<Dictionary<string, PlaceMatch[]>> byMatchKey;
    private readonly Dictionary<string, PlaceName[]> derivedByCode;

    internal PlaceCatalog(
        IReadOnlyList<Place> places,
        GenericTerms terms,
        string dataVersion,
        Func<IReadOnlyDictionary<string, Place>, IReadOnlyList<(Place Place, PlaceName Name)>> derive,
        Func<IReadOnlyDictionary<(string Text, string Language), string>> precomputedKeys)
    {
        Places = places;
        Terms = terms;
        DataVersion = dataVersion;
        byCode = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        children = places
            .Where(p => p.ParentCode is not null)
            .GroupBy(p => p.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.IsHistorical).ThenBy(p => p.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

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
        derivedByCode = forms
            .Where(f => f.Name.Origin != NameOrigin.Attested)
            .GroupBy(f => f.Place.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Name).ToArray(), StringComparer.Ordinal);
        var keyed = forms.Select(f => (Key: NameNormalizer.Normalize(f.Name.Text), Form: f)).ToList();
        byKey = Index(keyed);
        byFoldedKey = Index(keyed.Select(k => (NameNormalizer.FoldNormalized(k.Key), k.Form with { Method = MatchMethod.Folded })));
        byMatchKey = new Lazy<Dictionary<string, PlaceMatch[]>>(
            () =>
            {
                var known = precomputedKeys();
                return Index(forms.Select(f => (
                    known.TryGetValue((f.Name.Text, f.Name.Language), out var key) ? key : MatchKey.ForName(f.Name.Text, f.Name.Language),
                    f with { Method = MatchMethod.MatchKey })));
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
        byKeySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        search = new Lazy<Gazetteer.Search.PlaceSearch>(() => new Gazetteer.Search.PlaceSearch(this, LoadSuffixes()), LazyThreadSafetyMode.ExecutionAndPublication);
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
    /// <remarks>Names only, in three tiers, the first that finds anything wins: equal after normalisation, equal without
    /// diacritics and separators, equal match keys (another romanization or script of the same name: Köktogay ~
    /// Көктоғай); each form with or without its generic word. <see cref="PlaceMatch.Method"/> says which. For typos
    /// and qualified forms use search. Current divisions come first, then by level and code. Never throws for any
    /// non-null string.</remarks>
    /// <param name="name">A name in any script, e.g. <c>Dorbiljin</c>, <c>额敏县</c>, <c>دۆربىلجىن</c>.</param>
    /// <returns>One match per division, with the name that matched; empty when none.</returns>
    public IReadOnlyList<PlaceMatch> Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxQueryLength)
        {
            return [];
        }

        // Fast path: a printable-ASCII name that is in the index is found without allocating.
        if (name.Length <= 128)
        {
            Span<char> buffer = stackalloc char[name.Length];
            if (NameNormalizer.TryNormalizeAscii(name, buffer, out var length) && byKeySpan.TryGetValue(buffer[..length], out var hit))
            {
                return hit;
            }
        }

        var key = NameNormalizer.Normalize(name);
        if (byKey.TryGetValue(key, out var matches))
        {
            return matches;
        }

        if (key.Length == 0)
        {
            return [];
        }

        if (byFoldedKey.TryGetValue(NameNormalizer.FoldNormalized(key), out matches))
        {
            return matches;
        }

        // Another romanization of the same name: the match-key index is built on first need, so that exact lookups
        // never compile a transliterator.
        var keyIndex = byMatchKey.Value;
        var result = new List<PlaceMatch>();
        foreach (var matchKey in MatchKey.ForQuery(name))
        {
            if (matchKey.Length > 0 && keyIndex.TryGetValue(matchKey, out matches))
            {
                result.AddRange(matches.Where(m => !result.Exists(r => r.Place.Equals(m.Place))));
            }
        }

        return result;
    }

    /// <summary>Forms whose primary key is <paramref name="key"/>.</summary>
    internal PlaceMatch[] ExactForms(string key) => byKey.TryGetValue(key, out var m) ? m : [];

    /// <summary>Forms whose secondary (folded) key is <paramref name="folded"/>.</summary>
    internal PlaceMatch[] FoldedForms(string folded) => byFoldedKey.TryGetValue(folded, out var m) ? m : [];

    /// <summary>The match-key index: every form under its match key (built on first use).</summary>
    internal Dictionary<string, PlaceMatch[]> MatchKeyIndex => byMatchKey.Value;


    /// <summary>Gets the divisions directly under a division: current ones first, each group by code.</summary>
    /// <param name="code">The parent's code.</param>
    /// <returns>The children; empty for a county-level division.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public IReadOnlyList<Place> Children(string code)
    {
        Find(code);
        return children.TryGetValue(code, out var list) ? list : [];
    }

    /// <summary>Gets the names the catalogue computed for a division from its attested names: transliterations
    /// (<see cref="NameOrigin.Transliterated"/>, e.g. the Uyghur Latin form of a Uyghur Arabic name no source printed)
    /// and full names without their generic word (<see cref="NameOrigin.GenericTermRemoved"/>: 额敏县 → 额敏).</summary>
    /// <remarks>These are the forms <see cref="Lookup"/> finds besides <see cref="Place.Names"/>. They are never
    /// attested: each points through <see cref="PlaceName.DerivedFrom"/> at the name it was computed from, ending at an
    /// attested name. The order is stable: the bare forms of the attested names in the order of <see cref="Place.Names"/>, then each
    /// transliteration followed by its bare form.</remarks>
    /// <param name="code">The division's code.</param>
    /// <returns>The derived names; empty when the catalogue derived none.</returns>
    /// <exception cref="PlaceNotFoundException">No division has that code.</exception>
    public IReadOnlyList<PlaceName> GetDerivedNames(string code)
    {
        Find(code);
        return derivedByCode.TryGetValue(code, out var names) ? names : [];
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

    /// <summary>Searches for the divisions a query most likely means: any script or romanization, with generic words,
    /// case endings, qualifiers ("Sawen, Tarbaghatay"), dual forms ("Dorbiljin (Emin) county") and typos.</summary>
    /// <remarks>Ranking: exact main names, then other exact names, then match keys (another romanization), then fuzzy
    /// matches; recognised generic words and containing places boost the divisions they fit; historical divisions rank
    /// after current ones unless <see cref="SearchOptions.AsOf"/> says otherwise. Equally good matches of different
    /// divisions make the result <see cref="SearchStatus.Ambiguous"/>. Deterministic; never throws for any non-null
    /// string; thread-safe.</remarks>
    /// <param name="query">Any text, e.g. <c>Dorbiljin (Emin) county</c>, <c>شىخۇ</c>, <c>Hotan Prefecture</c>.</param>
    /// <param name="options">Options, or null for <see cref="SearchOptions.Default"/>.</param>
    /// <returns>The status and the ranked matches with their explanations.</returns>
    public SearchResult Search(string query, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return search.Value.Search(query, options ?? SearchOptions.Default);
    }

    private static Gazetteer.Search.CaseSuffixes LoadSuffixes()
    {
        var problems = new List<DataProblem>();
        using var reader = new StreamReader(DataSource.OpenEmbedded("case-suffixes.csv"));
        var suffixes = Gazetteer.Search.CaseSuffixes.Read(reader, problems);
        return problems.Count > 0 ? throw new GazetteerDataException(problems) : suffixes;
    }

    /// <summary>Loads the embedded dataset: the path behind <see cref="Default"/> (internal so benchmarks can time a fresh load).</summary>
    internal static PlaceCatalog LoadEmbedded()
    {
        using var places = DataSource.OpenEmbedded("places.csv");
        using var names = DataSource.OpenEmbedded("names.csv");
        return DataSource.Load(DataSource.ReadAll(places), DataSource.ReadAll(names), null, null, embedded: true);
    }

    private static Dictionary<string, PlaceMatch[]> Index(IEnumerable<(string Key, PlaceMatch Form)> keyed) =>
        keyed
            .Where(k => k.Key.Length > 0)
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(
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
