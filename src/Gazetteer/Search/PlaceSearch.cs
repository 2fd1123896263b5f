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

    private static readonly List<PlaceKind> NoKinds = [];

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

        Scratch.Current.Reset();
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
        var ordered = Scratch.Current.RentList();
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

            var same = IndexOfPlace(ordered, candidate.Place);
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
            order = order != 0 ? order : ((int)a.Place.Level).CompareTo((int)b.Place.Level);
            return order != 0 ? order : string.CompareOrdinal(a.Place.Code, b.Place.Code);
        });

        var count = Math.Min(ordered.Count, Math.Max(1, options.Limit));
        var ranked = new SearchMatch[count];
        for (var i = 0; i < count; i++)
        {
            var c = ordered[i];
            ranked[i] = new SearchMatch(c.Place, c.Name, Math.Round(c.Score, 4), new MatchExplanation(c.Method, c.Edits, c.Key, c.Explain(options.AsOf)));
        }

        // Ambiguity is judged on every candidate, not only on those returned (a limit of 1 must not hide a tie).
        var status = ordered.Count == 0 || ranked[0].Score < ResolveThreshold
            ? SearchStatus.Unresolved
            : ordered.Count > 1 && Math.Round(ordered[1].Score, 4) >= ranked[0].Score - AmbiguityMargin ? SearchStatus.Ambiguous : SearchStatus.Resolved;
        return new SearchResult(query, status, ranked);
    }

    private static int IndexOfPlace(List<Candidate> candidates, Place place)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (ReferenceEquals(candidates[i].Place, place))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AnyOfKind(List<Candidate> candidates, List<PlaceKind> kinds)
    {
        foreach (var candidate in candidates)
        {
            if (kinds.Contains(candidate.Place.Kind))
            {
                return true;
            }
        }

        return false;
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
        var (core, coreFolded, recognised) = RecogniseGenericWords(text);
        var kinds = recognised?.Kinds ?? NoKinds;
        var variants = Scratch.Current.Variants();
        variants.Add(new Variant(text));
        if (core != text && core.Length > 0)
        {
            variants.Add(new Variant(core, recognised: recognised, folded: coreFolded));
        }

        var found = Tiered(variants, kinds);
        if (found.Count == 0)
        {
            var stems = Scratch.Current.Variants();
            foreach (var variant in variants)
            {
                var lastSpace = variant.Text.LastIndexOf(' ');
                var last = variant.Text[(lastSpace + 1)..];
                var endings = Scratch.Current.Stems;
                endings.Clear();
                suffixes.Stems(last, endings);
                foreach (var (stem, suffix) in endings)
                {
                    stems.Add(new Variant(variant.Text[..(lastSpace + 1)] + stem, variant, suffix: suffix));
                }
            }

            found = Tiered(stems);
        }

        // Near misses also when only a match key (a looser tier) found something, or when nothing found is of the kind
        // a generic word named: they rank below exact matches.
        if (found.TrueForAll(c => c.Method == MatchMethod.MatchKey) || (kinds.Count > 0 && !AnyOfKind(found, kinds)))
        {
            HashSet<Place>? matched = null;
            if (found.Count > 0)
            {
                matched = Scratch.Current.Matched;
                matched.Clear();
                foreach (var candidate in found)
                {
                    matched.Add(candidate.Place);
                }
            }

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
                    candidate.LevelHint = fits ? LevelHint.Fits : LevelHint.DoesNotFit;
                }
            }
        }

        return found;
    }

    /// <summary>Exact, folded, then match-key matches: the first tier that finds a candidate wins — unless a generic word
    /// named the kind, in which case the tiers go on until a candidate of that kind appears ("Altai Prefecture": the city
    /// is named Altai exactly, the prefecture Altay, the same match key).</summary>
    private List<Candidate> Tiered(List<Variant> variants, List<PlaceKind>? kinds = null)
    {
        var scratch = Scratch.Current;
        var result = scratch.RentList();

        foreach (var variant in variants)
        {
            foreach (var form in catalog.ExactForms(variant.Text))
            {
                result.Add(scratch.Rent(form, variant, MatchMethod.Exact, 0, null, null, 1.0));
            }
        }

        if (Done(result, kinds))
        {
            return result;
        }

        foreach (var variant in variants)
        {
            foreach (var form in catalog.FoldedForms(variant.Folded))
            {
                result.Add(scratch.Rent(form, variant, MatchMethod.Folded, 0, null, null, 0.96));
            }
        }

        if (Done(result, kinds))
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
                        result.Add(scratch.Rent(form, variant, MatchMethod.MatchKey, 0, key, null, 0.9));
                    }
                }
            }
        }

        return result;
    }

    private static bool Done(List<Candidate> result, List<PlaceKind>? kinds) =>
        result.Count > 0 && (kinds is null || kinds.Count == 0 || AnyOfKind(result, kinds));

    private void Fuzzy(Variant variant, SearchOptions options, List<Candidate> found, HashSet<Place>? matched)
    {
        var text = variant.Text;

        // Plain typos on the text itself (one edit, transpositions included), which the key can magnify when they
        // break a digraph (Ycèhéng for Yèchéng).
        var folded = variant.Folded;
        if ((options.MaxEdits ?? 1) >= 1 && folded.Length > 4 && folded.Length <= MaxFoldedLength + 1)
        {
            foreach (var (match, distance) in foldedFuzzy.Value.Find(folded, 1, Scratch.Current.Near()))
            {
                var similarity = 1.0 - ((double)distance / Math.Max(folded.Length, match.Length));
                foreach (var form in catalog.FoldedForms(match))
                {
                    if (matched is null || !matched.Contains(form.Place))
                    {
                        found.Add(Scratch.Current.Rent(form, variant, MatchMethod.Fuzzy, distance, null, null, (0.85 * similarity) + 0.06));
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
        for (var reading = 0; reading < readings.Length; reading++)
        {
            var key = readings[reading];
            foreach (var (match, distance) in fuzzy.Value.Find(key, budget, Scratch.Current.Near()))
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
                        found.Add(Scratch.Current.Rent(form, variant, MatchMethod.Fuzzy, distance, key, match, score));
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
    private (string Core, string? CoreFolded, GenericWords? Recognised) RecogniseGenericWords(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal) && !Characters.IsAllHan(text))
        {
            return (text, null, null); // one word: a generic word needs a name beside it
        }

        // Generic words come off both ends of the window [first, end) of words.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            folded[i] = NameNormalizer.FoldNormalized(words[i]);
        }

        GenericWords? recognised = null;
        var first = 0;
        var end = words.Length;
        bool changed;
        do
        {
            changed = false;
            foreach (var (term, termWords) in terms)
            {
                var n = termWords.Length;
                if (n >= end - first)
                {
                    continue;
                }

                var atEnd = WordsEqual(folded, end - n, termWords);
                if (!atEnd && !(term.Role == TermRole.Generic && WordsEqual(folded, first, termWords)))
                {
                    continue;
                }

                recognised ??= new GenericWords(words);
                recognised.Removed(atEnd, n, term.Kinds);
                (first, end) = atEnd ? (first, end - n) : (first + n, end);
                changed = true;
                break;
            }
        }
        while (changed && end - first > 1);

        var core = first == 0 && end == words.Length ? text : string.Join(' ', words, first, end - first);
        var coreFolded = end - first == 1 ? folded[first] : null;
        if (end - first == 1 && Characters.IsAllHan(core) && catalog.Terms.Strip(core) is { } bare && bare.Length > 0)
        {
            var generic = core[bare.Length..];
            recognised ??= new GenericWords(words);
            recognised.HanSuffix = generic;
            foreach (var (term, _) in terms)
            {
                if (term.Role == TermRole.Generic && generic.EndsWith(term.Text, StringComparison.Ordinal))
                {
                    recognised.AddKinds(term.Kinds);
                    break;
                }
            }

            core = bare;
            coreFolded = null;
        }

        return (core, coreFolded, recognised);
    }

    private static bool WordsEqual(string[] words, int start, string[] termWords)
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
        if (!AnyIn(candidates, places))
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

    private static bool AnyIn(List<Candidate> candidates, HashSet<Place> places)
    {
        foreach (var candidate in candidates)
        {
            if (places.Contains(candidate.Place))
            {
                return true;
            }
        }

        return false;
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
            if (!existed)
            {
                candidate.Score -= 0.1;
            }

            candidate.Existed = existed;
        }
    }

    /// <summary>The generic words recognised in a query part and the kinds they name, kept as positions in its words and
    /// put into words only for an explanation.</summary>
    private sealed class GenericWords(string[] words)
    {
        private readonly List<(bool AtEnd, int Count)> removals = [];

        public List<PlaceKind> Kinds { get; } = [];

        /// <summary>Gets or sets the generic word cut from a Chinese name written together (县 of 额敏县).</summary>
        public string? HanSuffix { get; set; }

        public void Removed(bool atEnd, int count, IReadOnlyList<PlaceKind> kinds)
        {
            removals.Add((atEnd, count));
            AddKinds(kinds);
        }

        /// <summary>Adds kinds not yet present, in order (the explanation lists them as recognised).</summary>
        public void AddKinds(IReadOnlyList<PlaceKind> kinds)
        {
            for (var i = 0; i < kinds.Count; i++)
            {
                if (!Kinds.Contains(kinds[i]))
                {
                    Kinds.Add(kinds[i]);
                }
            }
        }

        public string Describe()
        {
            // Words taken off the end come first, left to right; then those taken off the start, in order.
            var atEnd = new List<string>();
            var atStart = new List<string>();
            var (first, end) = (0, words.Length);
            foreach (var (fromEnd, count) in removals)
            {
                if (fromEnd)
                {
                    atEnd.Insert(0, string.Join(' ', words, end - count, count));
                    end -= count;
                }
                else
                {
                    atStart.Add(string.Join(' ', words, first, count));
                    first += count;
                }
            }

            if (HanSuffix is not null)
            {
                atStart.Add(HanSuffix);
            }

            var quoted = string.Join(' ', atEnd.Concat(atStart).Select(r => $"'{r}'"));
            return $"generic word {quoted} recognised ({string.Join(", ", Kinds.Select(k => k.ToToken()))})";
        }
    }

    private enum LevelHint
    {
        None,
        Fits,
        DoesNotFit,
    }

    /// <summary>One reading of a query part: the text looked up, the reading it came from and the step between (a
    /// generic word recognised, an ending stripped); its folded form and match keys are computed once, when first needed.</summary>
    private sealed class Variant(string text, Variant? parent = null, string? suffix = null, GenericWords? recognised = null, string? folded = null)
    {
        private string[]? keys;

        public string Text { get; } = text;

        /// <summary>Gets a value indicating whether a generic word was removed on the way to this reading.</summary>
        public bool Generic { get; } = recognised is not null || parent?.Generic == true;

        public string Folded => folded ??= NameNormalizer.FoldNormalized(Text);

        public string[] Keys => keys ??= MatchKey.ForQuery(Text);

        public void AddSteps(List<string> steps)
        {
            parent?.AddSteps(steps);
            if (recognised is not null)
            {
                steps.Add(recognised.Describe());
            }

            if (suffix is not null)
            {
                steps.Add($"suffix '-{suffix}' stripped");
            }
        }
    }

    /// <summary>A division found for a query part. Candidates are reused from search to search on a thread
    /// (<see cref="Scratch"/>); what a returned match needs to explain itself is copied out by <see cref="Explain"/>.</summary>
    private sealed class Candidate
    {
        private List<string>? notes;
        private PlaceMatch form = null!;
        private string? matchedKey;

        public Place Place => form.Place;

        public PlaceName Name => form.Name;

        public Variant Variant { get; private set; } = null!;

        public MatchMethod Method { get; private set; }

        public int Edits { get; private set; }

        public string? Key { get; private set; }

        public double Score { get; set; }

        public LevelHint LevelHint { get; set; }

        /// <summary>Gets or sets whether the division existed on the date searched for (weighed when ranking).</summary>
        public bool Existed { get; set; }

        public Candidate Init(PlaceMatch form, Variant variant, MatchMethod method, int edits, string? key, string? matchedKey, double methodScore)
        {
            this.form = form;
            this.matchedKey = matchedKey;
            Variant = variant;
            Method = method;
            Edits = edits;
            Key = key;
            Score = methodScore * FormScore(form);
            LevelHint = LevelHint.None;
            Existed = true;
            notes?.Clear();
            return this;
        }

        public void Note(string step) => (notes ??= []).Add(step);

        /// <summary>What the explanation is worded from, detached from this reused candidate.</summary>
        public ExplanationData Explain(DateOnly? asOf) =>
            new(form, Variant, matchedKey, (int)LevelHint, Existed, asOf, notes is { Count: > 0 } ? [.. notes] : null, Writer.Instance);

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

    /// <summary>Words the steps of an explanation from the data a candidate left in it.</summary>
    private sealed class Writer : IExplanationWriter
    {
        public static readonly Writer Instance = new();

        public IReadOnlyList<string> Describe(MatchExplanation explanation, in ExplanationData data)
        {
            var name = data.Form.Name;
            var place = data.Form.Place;
            var how = explanation.Method switch
            {
                MatchMethod.Exact => "exact name",
                MatchMethod.Folded => "same name without diacritics and separators",
                MatchMethod.MatchKey => $"same match key '{explanation.QueryKey}' (another romanization)",
                _ when data.MatchedKey is null => $"1 edit from '{name.Text}'",
                _ => $"match key '{explanation.QueryKey}' {(explanation.Edits == 1 ? "1 edit" : $"{explanation.Edits} edits")} from '{data.MatchedKey}'",
            };
            var steps = new List<string>();
            ((Variant)data.Reading).AddSteps(steps);
            steps.Add($"{how}: '{name.Text}' ({name.Language}, {name.Kind.ToToken()})");
            steps.AddRange(name.DescribeDerivation());
            var hint = (LevelHint)data.LevelHint;
            if (hint != LevelHint.None)
            {
                var kind = place.Kind.ToToken();
                steps.Add(hint == LevelHint.Fits ? $"level hint fits: {kind}" : $"level hint does not fit {kind}");
            }

            if (data.Notes is not null)
            {
                steps.AddRange(data.Notes);
            }

            if (place.IsHistorical)
            {
                steps.Add($"historical division (until {place.ValidTo}), succeeded by {string.Join(", ", place.SuccessorCodes)}");
            }

            if (!data.Existed && data.AsOf is { } asOf)
            {
                steps.Add(string.Create(CultureInfo.InvariantCulture, $"did not exist on {asOf:yyyy-MM-dd}"));
            }

            if (name.IsHistorical && name.ValidTo is { } end)
            {
                steps.Add($"historical name (until {end})");
            }

            return [.. steps];
        }
    }

    /// <summary>Per-thread working memory of searches: candidates and lists reused from one search to the next, so that
    /// a search allocates little beyond its answer. Everything rented is valid until the next search on the thread.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        private readonly List<Candidate> candidates = [];
        private readonly List<List<Candidate>> lists = [];
        private readonly List<List<(string Key, int Distance)>> nears = [];
        private readonly List<List<Variant>> variantLists = [];
        private int usedCandidates;
        private int usedLists;
        private int usedNears;
        private int usedVariantLists;

        public static Scratch Current => current ??= new Scratch();

        public HashSet<Place> Matched { get; } = new(ReferenceEqualityComparer.Instance);

        public List<(string Stem, string Suffix)> Stems { get; } = [];

        public void Reset()
        {
            usedCandidates = usedLists = usedNears = usedVariantLists = 0;
        }

        public Candidate Rent(PlaceMatch form, Variant variant, MatchMethod method, int edits, string? key, string? matchedKey, double methodScore)
        {
            if (usedCandidates == candidates.Count)
            {
                candidates.Add(new Candidate());
            }

            return candidates[usedCandidates++].Init(form, variant, method, edits, key, matchedKey, methodScore);
        }

        public List<Candidate> RentList() => Rent(lists, ref usedLists);

        public List<(string Key, int Distance)> Near() => Rent(nears, ref usedNears);

        public List<Variant> Variants() => Rent(variantLists, ref usedVariantLists);

        private static List<T> Rent<T>(List<List<T>> pool, ref int used)
        {
            if (used == pool.Count)
            {
                pool.Add([]);
            }

            var list = pool[used++];
            list.Clear();
            return list;
        }
    }
}
