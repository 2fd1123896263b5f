using System.Buffers;

namespace Gazetteer.Search;

/// <summary>Symmetric-delete index (as in SymSpell) over match keys: every key is filed under each of its variants with
/// up to <see cref="MaxEdits"/> letters deleted, so a query finds the keys within that many edits by looking up its own
/// delete variants, without scanning every key. Candidates are verified with the optimal-string-alignment
/// Damerau–Levenshtein distance. Chosen by measurement against a BK-tree and a linear scan (tests/Gazetteer.Benchmarks
/// FuzzyIndexBenchmarks; figures in the README).</summary>
/// <remarks>Variants are filed by a 32-bit hash, never as strings: building makes no string per variant, and a query
/// allocates nothing but its result. A hash collision only adds a candidate, which the distance check then rejects.
/// Immutable and thread-safe after construction.</remarks>
internal sealed class FuzzyIndex
{
    /// <summary>Longest key the index files or looks up (variants are built on the stack).</summary>
    public const int MaxKeyLength = 64;

    private readonly string[] keys;
    private readonly int[] hashes;
    private readonly int[] ids;

    public FuzzyIndex(IEnumerable<string> keys, int maxEdits = 2)
    {
        MaxEdits = maxEdits;
        this.keys = [.. keys.Where(k => k.Length <= MaxKeyLength).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var filing = new Filing { Entries = [] };
        Span<char> buffer = stackalloc char[MaxKeyLength];
        for (var id = 0; id < this.keys.Length; id++)
        {
            filing.Id = id;
            var key = buffer[..this.keys[id].Length];
            this.keys[id].CopyTo(key);
            Deletes(key, 0, maxEdits, ref filing);
        }

        // (hash, id) pairs sorted and without repeats: each hash's ids are one run, found by binary search.
        var entries = filing.Entries;
        entries.Sort();
        var distinct = entries.Count == 0 ? 0 : 1;
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i] != entries[distinct - 1])
            {
                entries[distinct++] = entries[i];
            }
        }

        hashes = new int[distinct];
        ids = new int[distinct];
        for (var i = 0; i < distinct; i++)
        {
            hashes[i] = (int)(entries[i] >> 32);
            ids[i] = (int)(uint)entries[i];
        }
    }

    private interface IVariantVisitor
    {
        void Visit(ReadOnlySpan<char> variant);
    }

    /// <summary>Gets the largest number of edits the index can find.</summary>
    public int MaxEdits { get; }

    /// <summary>The keys within <paramref name="budget"/> edits of <paramref name="query"/>, with their distance, nearest
    /// first, then in ordinal order.</summary>
    public IReadOnlyList<(string Key, int Distance)> Find(string query, int budget)
    {
        budget = Math.Min(budget, MaxEdits);
        if (budget <= 0 || query.Length == 0 || query.Length > MaxKeyLength)
        {
            return [];
        }

        var seen = ArrayPool<ulong>.Shared.Rent((keys.Length + 63) / 64);
        try
        {
            Array.Clear(seen);
            var search = new Search { Index = this, Query = query, Budget = budget, Seen = seen };
            Span<char> buffer = stackalloc char[query.Length];
            query.CopyTo(buffer);
            Deletes(buffer, 0, budget, ref search);
            if (search.Found is not { } found)
            {
                return [];
            }

            found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Key, b.Key));
            return found;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(seen);
        }
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (b.Length > MaxKeyLength * 4)
        {
            return DistanceOnHeap(a, b);
        }

        Span<int> cells = stackalloc int[3 * (b.Length + 1)];
        return Distance(a, b, cells);
    }

    private static int DistanceOnHeap(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Distance(a, b, new int[3 * (b.Length + 1)]);

    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, Span<int> cells)
    {
        var width = b.Length + 1;
        for (var j = 0; j <= b.Length; j++)
        {
            cells[width + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var current = cells.Slice((i + 1) % 3 * width, width);
            var previous = cells.Slice(i % 3 * width, width);
            var beforePrevious = cells.Slice((i + 2) % 3 * width, width);
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
            }
        }

        return cells[((a.Length + 1) % 3 * width) + b.Length];
    }

    private static int Hash(ReadOnlySpan<char> variant) => string.GetHashCode(variant);

    /// <summary>Visits the word and every variant with up to <paramref name="edits"/> letters deleted; deleting positions in
    /// increasing order visits each set of positions once, down to the empty string, so that short keys within the
    /// budget of each other meet.</summary>
    private static void Deletes<TVisitor>(ReadOnlySpan<char> word, int start, int edits, ref TVisitor visitor)
        where TVisitor : struct, IVariantVisitor
    {
        visitor.Visit(word);
        if (edits == 0 || word.Length == 0)
        {
            return;
        }

        Span<char> shorter = stackalloc char[word.Length - 1];
        for (var i = start; i < word.Length; i++)
        {
            word[..i].CopyTo(shorter);
            word[(i + 1)..].CopyTo(shorter[i..]);
            Deletes(shorter, i, edits - 1, ref visitor);
        }
    }

    private struct Filing : IVariantVisitor
    {
        public List<long> Entries;
        public int Id;

        public readonly void Visit(ReadOnlySpan<char> variant) => Entries.Add(((long)Hash(variant) << 32) | (uint)Id);
    }

    private struct Search : IVariantVisitor
    {
        public FuzzyIndex Index;
        public string Query;
        public int Budget;
        public ulong[] Seen;
        public List<(string Key, int Distance)>? Found;

        public void Visit(ReadOnlySpan<char> variant)
        {
            var hash = Hash(variant);
            var hashes = Index.hashes;
            var first = hashes.AsSpan().BinarySearch(hash);
            if (first < 0)
            {
                return;
            }

            while (first > 0 && hashes[first - 1] == hash)
            {
                first--;
            }

            for (var entry = first; entry < hashes.Length && hashes[entry] == hash; entry++)
            {
                var id = Index.ids[entry];
                ref var word = ref Seen[id >> 6];
                var bit = 1UL << (id & 63);
                if ((word & bit) != 0)
                {
                    continue;
                }

                word |= bit;
                var key = Index.keys[id];
                if (Math.Abs(key.Length - Query.Length) <= Budget && Distance(Query, key) is var distance && distance <= Budget)
                {
                    (Found ??= []).Add((key, distance));
                }
            }
        }
    }
}
