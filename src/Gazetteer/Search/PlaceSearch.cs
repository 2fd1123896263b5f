using System.Globalization;
using Gazetteer.Text;

namespace Gazetteer.Search;

/// <summary>The search engine behind <see cref="PlaceCatalog.Search(string, SearchOptions?)"/>. Immutable after
/// construction and thread-safe.</summary>
internal sealed class PlaceSearch
{
    private const int MaxQueryLength = 512;
    private const double AmbiguityMargin = 0.02;
    private const double MinFuzzySimilarity = 0.6;

    /// <summary>Longest folded text the one-edit index holds (full names with generic words fit).</summary>
    private const int MaxFoldedLength = 40;

    /// <summary>Below this score the best match is a suggestion, not a resolution.</summary>
    private const double ResolveThreshold = 0.6;

    private static readonly HashSet<PlaceKind> NoKinds = [];
    private static readonly List<string> NoWords = [];

    private readonly PlaceCatalog catalog;
    private readonly CaseSuffixes suffixes;
    private readonly Lazy<FuzzyIndex> fuzzy;
    private readonly Lazy<FuzzyIndex> foldedFuzzy;
    private readonly HashSet<string> hanNames;
    private readonly Func<string, bool> isKnownHanName;
    private readonly (GenericTerm Term, string[] Words)[] terms;

    public PlaceSearch(PlaceCatalog catalog, CaseSuffixes suffixes)
    {
        this.catalog = catalog;
        this.suffixes = suffixes;
        // The fuzzy indexes are built on the first query that needs them, so exact queries start fast.
        fuzzy = new Lazy<FuzzyIndex>(() => new FuzzyIndex(catalog.MatchKeyIndex.Keys), LazyThreadSafetyMode.ExecutionAndPublication);
        foldedFuzzy = new Lazy<FuzzyIndex>(
            () => new FuzzyIndex(catalog.Forms.Select(f => NameNormalizer.Fold(f.Name.Text)).Where(k => k.Length is > 4 and <= MaxFoldedLength), maxEdits: 1),
            LazyThreadSafetyMode.ExecutionAndPublication);
        hanNames = catalog.Forms.Where(f => Characters.IsAllHan(f.Name.Text)).Select(f => NameNormalizer.Normalize(f.Name.Text)).ToHashSet(StringComparer.Ordinal);
        terms = [.. catalog.Terms.All.Select(t => (t, t.FoldedWords)).OrderByDescending(t => t.FoldedWords.Length)];
        isKnownHanName = hanNames.Contains;
    }

    public SearchResult Search(string query, SearchOptions options)
    {
        var normalized = query.Length > MaxQueryLength ? string.Empty : NameNormalizer.Normalize(query);
        if (normalized.Length == 0)
        {
            return new SearchResult(query, SearchStatus.Unresolved, []);
        }

        var parts = QueryReader.Read(normalized, isKnownHanName);
        var candidates = Resolve(parts.Main, options);
        if (candidates.Count == 0 && parts.Whole != parts.Main)
        {
            // Some names contain brackets or commas themselves ("Yakän (Yarkänt) Nahiyisi"): read the query whole.
            return Rank(query, Resolve(parts.Whole, options), options);
        }

        foreach (var alternate in parts.Alternates)
        {
            Agree(candidates, Resolve(alternate, options), alternate);
        }

        foreach (var parent in parts.Parents)
        {
            Narrow(candidates, Resolve(parent, options with { Levels = null }), parent);
        }

        return Rank(query, candidates, options);
    }

    private static SearchResult Rank(string query, List<Candidate> candidates, SearchOptions options)
    {
        ApplyTime(candidates, options.AsOf);

        // The best candidate of each division: highest score, then the most exact method, then the first found.
        var ordered = new List<Candidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if ((options.Levels is not null && !options.Levels.Contains(candidate.Place.Level))
                || (options.Languages is not null && !ContainsIgnoreCase(options.Languages, candidate.Name.Language)))
            {
                continue;
            }

            candidate.Score = Math.Clamp(candidate.Score, 0, 1);
            if (candidate.Score < options.MinScore || candidate.Score <= 0)
            {
                continue;
            }

            var same = ordered.FindIndex(c => ReferenceEquals(c.Place, candidate.Place));
            if (same < 0)
            {
                ordered.Add(candidate);
            }
            else if (candidate.Score > ordered[same].Score || (candidate.Score == ordered[same].Score && candidate.Method < ordered[same].Method))
            {
                ordered[same] = candidate;
            }
        }

        ordered.Sort(static (a, b) =>
        {
            var order = Math.Round(b.Score, 6).CompareTo(Math.Round(a.Score, 6));
            order = order != 0 ? order : a.Place.IsHistorical.CompareTo(b.Place.IsHistorical);
            order = order != 0 ? order : a.Place.Level.CompareTo(b.Place.Level);
            return order != 0 ? order : string.CompareOrdinal(a.Place.Code, b.Place.Code);
        });

        var count = Math.Min(ordered.Count, Math.Max(1, options.Limit));
        var ranked = new SearchMatch[count];
        for (var i = 0; i < count; i++)
        {
            var c = ordered[i];
            ranked[i] = new SearchMatch(c.Place, c.Name, Math.Round(c.Score, 4), new MatchExplanation(c.Method, c.Edits, c.Key, c));
        }

        var status = ranked.Length == 0 || ranked[0].Score < ResolveThreshold
            ? SearchStatus.Unresolved
            : ranked.Length > 1 && ranked[1].Score >= ranked[0].Score - AmbiguityMargin ? SearchStatus.Ambiguous : SearchStatus.Resolved;
        return new SearchResult(query, status, ranked);
    }

    private static bool ContainsIgnoreCase(IReadOnlyCollection<string> values, string value)
    {
        foreach (var item in values)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Candidates for one part of a query: generic words recognised, then exact, folded and match-key matches
    /// (<see cref="Tiered"/>), case endings stripped when those find nothing, and fuzzy matches when only a match key
    /// found something or nothing found fits the recognised kind.</summary>
    private List<Candidate> Resolve(string text, SearchOptions options)
    {
        var (core, kinds, recognised) = RecogniseGenericWords(text);
        var variants = new List<Variant>(2) { new(text) };
        if (core != text && core.Length > 0)
        {
            var genericStep = recognised.Count > 0
                ? $"generic word {string.Join(' ', recognised.Select(r => $"'{r}'"))} recognised ({string.Join(", ", kinds.Select(k => k.ToToken()))})"
                : null;
            variants.Add(new Variant(core, step: genericStep, generic: genericStep is not null));
        }

        var found = Tiered(variants, kinds);
        if (found.Count == 0)
        {
            var stems = new List<Variant>();
            foreach (var variant in variants)
            {
                var lastSpace = variant.Text.LastIndexOf(' ');
                var last = variant.Text[(lastSpace + 1)..];
                foreach (var (stem, suffix) in suffixes.Stems(last))
                {
                    stems.Add(new Variant(variant.Text[..(lastSpace + 1)] + stem, variant, suffix: suffix, generic: variant.Generic));
                }
            }

            found = Tiered(stems);
        }

        // Near misses also when only a match key (a looser tier) found something, or when nothing found is of the kind
        // a generic word named: they rank below exact matches.
        if (found.TrueForAll(c => c.Method == MatchMethod.MatchKey) || (kinds.Count > 0 && !found.Exists(c => kinds.Contains(c.Place.Kind))))
        {
            HashSet<Place>? matched = found.Count > 0 ? [.. found.Select(c => c.Place)] : null;
            foreach (var variant in variants)
            {
                Fuzzy(variant, options, found, matched);
            }
        }

        if (kinds.Count > 0)
        {
            // The hint applies to names matched without the generic word; a name matched whole (吐鲁番县, a historical
            // county name of what is now a city) carries its generic word as part of the name.
            foreach (var candidate in found)
            {
                if (candidate.Variant.Generic)
                {
                    var fits = kinds.Contains(candidate.Place.Kind);
                    candidate.Score += fits ? 0.04 : -0.2;
                    candidate.Note(fits ? $"level hint fits: {candidate.Place.Kind.ToToken()}" : $"level hint does not fit {candidate.Place.Kind.ToToken()}");
                }
            }
        }

        return found;
    }

    /// <summary>Exact, folded, then match-key matches: the first tier that finds a candidate wins — unless a generic word
    /// named the kind, in which case the tiers go on until a candidate of that kind appears ("Altai Prefecture": the city
    /// is named Altai exactly, the prefecture Altay, the same match key).</summary>
    private List<Candidate> Tiered(List<Variant> variants, IReadOnlySet<PlaceKind>? kinds = null)
    {
        var result = new List<Candidate>();
        bool Done() => result.Count > 0 && (kinds is null || kinds.Count == 0 || result.Exists(c => kinds.Contains(c.Place.Kind)));

        foreach (var variant in variants)
        {
            foreach (var form in catalog.ExactForms(variant.Text))
            {
                result.Add(new Candidate(form, variant, MatchMethod.Exact, 0, null, null, 1.0));
            }
        }

        if (Done())
        {
            return result;
        }

        foreach (var variant in variants)
        {
            foreach (var form in catalog.FoldedForms(variant.Folded))
            {
                result.Add(new Candidate(form, variant, MatchMethod.Folded, 0, null, null, 0.96));
            }
        }

        if (Done())
        {
            return result;
        }

        foreach (var variant in variants)
        {
            foreach (var key in variant.Keys)
            {
                if (key.Length > 0 && catalog.MatchKeyIndex.TryGetValue(key, out var forms))
                {
                    foreach (var form in forms)
                    {
                        result.Add(new Candidate(form, variant, MatchMethod.MatchKey, 0, key, null, 0.9));
                    }
                }
            }
        }

        return result;
    }

    private void Fuzzy(Variant variant, SearchOptions options, List<Candidate> found, HashSet<Place>? matched)
    {
        var text = variant.Text;

        // Plain typos on the text itself (one edit, transpositions included), which the key can magnify when they
        // break a digraph (Ycèhéng for Yèchéng).
        var folded = variant.Folded;
        if ((options.MaxEdits ?? 1) >= 1 && folded.Length > 4 && folded.Length <= MaxFoldedLength + 1)
        {
            foreach (var (match, distance) in foldedFuzzy.Value.Find(folded, 1))
            {
                var similarity = 1.0 - ((double)distance / Math.Max(folded.Length, match.Length));
                foreach (var form in catalog.FoldedForms(match))
                {
                    if (matched is null || !matched.Contains(form.Place))
                    {
                        found.Add(new Candidate(form, variant, MatchMethod.Fuzzy, distance, null, null, (0.85 * similarity) + 0.06));
                    }
                }
            }
        }

        // The budget scales with the length of what was typed (letters, not the shorter key).
        var letters = 0;
        foreach (var c in text)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        // One typed edit can cost two in the key (the key merges doubled letters: Uumçi -> umci, Ürümçi -> urumci).
        var budget = Math.Min(options.MaxEdits ?? int.MaxValue, letters <= 3 ? 0 : letters <= 4 ? 1 : 2);
        var readings = variant.Keys;
        for (var reading = 0; reading < readings.Count; reading++)
        {
            var key = readings[reading];
            foreach (var (match, distance) in fuzzy.Value.Find(key, budget))
            {
                // Similarity relative to length, so two edits in a short key count for more than in a long one; too
                // dissimilar keys are not a misspelling. Shared beginnings and endings break ties between equal distances.
                var similarity = 1.0 - ((double)distance / Math.Max(key.Length, match.Length));
                if (similarity < MinFuzzySimilarity)
                {
                    continue;
                }

                var affinity = (double)(CommonPrefix(key, match) + CommonSuffix(key, match)) / (key.Length + match.Length);
                var score = ((0.85 * similarity) + (0.06 * affinity)) * (reading == 0 ? 1.0 : 0.97);
                foreach (var form in catalog.MatchKeyIndex[match])
                {
                    if (matched is null || !matched.Contains(form.Place))
                    {
                        found.Add(new Candidate(form, variant, MatchMethod.Fuzzy, distance, key, match, score));
                    }
                }
            }
        }
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static int CommonSuffix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    /// <summary>Removes generic words (county, xian, nahiyisi, ауданы, 县 …) from both ends and reports the kinds they name.</summary>
    private (string Core, IReadOnlySet<PlaceKind> Kinds, List<string> Recognised) RecogniseGenericWords(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal) && !Characters.IsAllHan(text))
        {
            return (text, NoKinds, NoWords); // one word: a generic word needs a name beside it
        }

        var kinds = new HashSet<PlaceKind>();
        var recognised = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var folded = words.Select(NameNormalizer.FoldNormalized).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var (term, termWords) in terms)
            {
                var n = termWords.Length;
                if (n >= folded.Count)
                {
                    continue;
                }

                if (WordsEqual(folded, folded.Count - n, termWords))
                {
                    recognised.Insert(0, string.Join(' ', words.Skip(words.Count - n)));
                    words.RemoveRange(words.Count - n, n);
                    folded.RemoveRange(folded.Count - n, n);
                }
                else if (term.Role == TermRole.Generic && WordsEqual(folded, 0, termWords))
                {
                    recognised.Add(string.Join(' ', words.Take(n)));
                    words.RemoveRange(0, n);
                    folded.RemoveRange(0, n);
                }
                else
                {
                    continue;
                }

                kinds.UnionWith(term.Kinds);
                changed = true;
                break;
            }
        }
        while (changed && words.Count > 1);

        var core = string.Join(' ', words);
        if (words.Count == 1 && Characters.IsAllHan(core) && catalog.Terms.Strip(core) is { } bare && bare.Length > 0)
        {
            var generic = core[bare.Length..];
            foreach (var (term, _) in terms.Where(t => t.Term.Role == TermRole.Generic && generic.EndsWith(t.Term.Text, StringComparison.Ordinal)).Take(1))
            {
                kinds.UnionWith(term.Kinds);
            }

            recognised.Add(generic);
            core = bare;
        }

        return (core, kinds, recognised);
    }

    private static bool WordsEqual(List<string> words, int start, string[] termWords)
    {
        for (var i = 0; i < termWords.Length; i++)
        {
            if (!string.Equals(words[start + i], termWords[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dual forms ("Dorbiljin (Emin)"): divisions both names point to rise; if the names disagree, nothing is merged.</summary>
    private static void Agree(List<Candidate> candidates, List<Candidate> alternates, string alternate)
    {
        var places = alternates.Select(a => a.Place).ToHashSet();
        if (!candidates.Exists(c => places.Contains(c.Place)))
        {
            foreach (var candidate in candidates)
            {
                candidate.Note($"'{alternate}' names another division");
            }

            return;
        }

        foreach (var candidate in candidates)
        {
            var agrees = places.Contains(candidate.Place);
            candidate.Score += agrees ? 0.03 : -0.25;
            candidate.Note(agrees ? $"'{alternate}' names the same division" : $"'{alternate}' names another division");
        }
    }

    /// <summary>Qualifiers ("…, Tacheng Prefecture", "新疆塔城地区…"): divisions within a place the qualifier names rise.</summary>
    private void Narrow(List<Candidate> candidates, List<Candidate> parents, string qualifier)
    {
        if (parents.Count == 0)
        {
            return;
        }

        var containers = parents.Select(p => p.Place.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var within = catalog.Ancestors(candidate.Place.Code).FirstOrDefault(a => containers.Contains(a.Code));
            candidate.Score += within is not null ? 0.04 : -0.3;
            candidate.Note(within is not null ? $"within {within.EnglishName.Text} ({within.Code})" : $"not within '{qualifier}'");
        }
    }

    private static void ApplyTime(List<Candidate> candidates, DateOnly? asOf)
    {
        foreach (var candidate in candidates)
        {
            var place = candidate.Place;
            var existed = asOf is { } date ? place.ExistedOn(date) : !place.IsHistorical;
            if (place.IsHistorical)
            {
                candidate.Note($"historical division (until {place.ValidTo}), succeeded by {string.Join(", ", place.SuccessorCodes)}");
            }

            if (!existed)
            {
                candidate.Score -= 0.1;
                if (asOf is not null)
                {
                    candidate.Note(string.Create(CultureInfo.InvariantCulture, $"did not exist on {asOf:yyyy-MM-dd}"));
                }
            }

            if (candidate.Name.IsHistorical && candidate.Name.ValidTo is { } end)
            {
                candidate.Note($"historical name (until {end})");
            }
        }
    }

    /// <summary>One reading of a query part: the text looked up, the reading it came from and the step between (a
    /// generic word recognised, an ending stripped); its folded form and match keys are computed once, when first needed.</summary>
    private sealed class Variant(string text, Variant? parent = null, string? step = null, string? suffix = null, bool generic = false)
    {
        private string? folded;
        private IReadOnlyList<string>? keys;

        public string Text { get; } = text;

        /// <summary>Gets a value indicating whether a generic word was removed on the way to this reading.</summary>
        public bool Generic { get; } = generic;

        public string Folded => folded ??= NameNormalizer.FoldNormalized(Text);

        public IReadOnlyList<string> Keys => keys ??= MatchKey.ForQuery(Text);

        public void AddSteps(List<string> steps)
        {
            parent?.AddSteps(steps);
            if (step is not null)
            {
                steps.Add(step);
            }

            if (suffix is not null)
            {
                steps.Add($"suffix '-{suffix}' stripped");
            }
        }
    }

    /// <summary>A division found for a query part. Its explanation is put into words only if it is returned.</summary>
    private sealed class Candidate(PlaceMatch form, Variant variant, MatchMethod method, int edits, string? key, string? matchedKey, double methodScore)
        : IExplanationSource
    {
        private List<string>? notes;

        public Place Place => form.Place;

        public PlaceName Name => form.Name;

        public Variant Variant { get; } = variant;

        public MatchMethod Method { get; } = method;

        public int Edits { get; } = edits;

        public string? Key { get; } = key;

        public double Score { get; set; } = methodScore * FormScore(form);

        public void Note(string step) => (notes ??= []).Add(step);

        public IReadOnlyList<string> DescribeSteps()
        {
            var name = form.Name;
            var how = Method switch
            {
                MatchMethod.Exact => "exact name",
                MatchMethod.Folded => "same name without diacritics and separators",
                MatchMethod.MatchKey => $"same match key '{Key}' (another romanization)",
                _ when matchedKey is null => $"1 edit from '{name.Text}'",
                _ => $"match key '{Key}' {(Edits == 1 ? "1 edit" : $"{Edits} edits")} from '{matchedKey}'",
            };
            var steps = new List<string>();
            Variant.AddSteps(steps);
            steps.Add($"{how}: '{name.Text}' ({name.Language}, {name.Kind.ToToken()})");
            steps.AddRange(name.DescribeDerivation());
            if (notes is not null)
            {
                steps.AddRange(notes);
            }

            return [.. steps];
        }

        private static double FormScore(PlaceMatch form)
        {
            var name = form.Name;
            return (name.Origin switch
            {
                NameOrigin.Attested => 1.0,
                NameOrigin.GenericTermRemoved => 0.97,
                _ => 0.95,
            }) * (form.AttestedName.IsPrimary ? 1.0 : 0.98) * (name.IsHistorical ? 0.98 : 1.0);
        }
    }
}
