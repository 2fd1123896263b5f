using System.Buffers;

namespace Gazetteer.Search;

/// <summary>Symmetric-delete index (as in SymSpell) over match keys: every key is filed under each of its variants with
/// up to <see cref="MaxEdits"/> letters deleted, so a query finds the keys within that many edits by looking up its own
/// delete variants, without scanning every key. Candidates are verified with the optimal-string-alignment
/// Damerau–Levenshtein distance. Chosen by measurement against a BK-tree and a linear scan (tests/Gazetteer.Benchmarks
/// FuzzyIndexBenchmarks; figures in the README).</summary>
/// <remarks>Variants are never built as strings: each is filed under the top 44 bits of a 64-bit polynomial hash computed
/// in constant time from the prefix hashes of the key, so building places one number per variant in a bucket (a
/// counting sort, linear) and a query allocates nothing but its result. A hash collision only adds a candidate, which
/// the distance check then rejects. Immutable and thread-safe after construction.</remarks>
internal sealed class FuzzyIndex
{
    /// <summary>Longest key the index files or looks up.</summary>
    public const int MaxKeyLength = 64;

    private const ulong Base = 0x100000001B3;
    private const int IdBits = 20;
    private const uint MaxId = (1u << IdBits) - 1;

    private readonly string[] keys;
    private readonly int[] starts;
    private readonly ulong[] filed;
    private readonly ulong[] filter;

    public FuzzyIndex(IEnumerable<string> keys, int maxEdits = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, 2);
        MaxEdits = maxEdits;
        this.keys = [.. keys.Where(k => k.Length <= MaxKeyLength).ToHashSet(StringComparer.Ordinal)];
        if (this.keys.Length > MaxId)
        {
            throw new ArgumentException($"The index holds at most {MaxId} keys.", nameof(keys));
        }

        // One entry per variant: the top 44 bits of its hash and the key's id in one number.
        var count = 0L;
        foreach (var key in this.keys)
        {
            count += 1 + (maxEdits >= 1 ? key.Length : 0) + (maxEdits >= 2 ? key.Length * (key.Length - 1) / 2 : 0);
        }

        var filing = new Filing { Entries = new ulong[count] };
        for (var id = 0; id < this.keys.Length; id++)
        {
            filing.Id = (uint)id;
            Deletes(this.keys[id], maxEdits, ref filing);
        }

        // Buckets by the low bits of the hash, filled by a counting sort (two linear passes, no comparison sort); a
        // bucket may also hold entries of other hashes, which a query skips by comparing the whole 44 bits.
        var entries = filing.Entries;
        var buckets = 16;
        while (buckets < entries.Length)
        {
            buckets *= 2;
        }

        // Beside them, a bit per filter slot, set for every filed hash: most variants of a query are filed under nothing,
        // and the filter (half the size of the bucket table, 16 bits per bucket) answers most of them from cache.
        starts = new int[buckets + 1];
        var filterBits = Math.Max(64, buckets * 16);
        filter = new ulong[filterBits / 64];
        foreach (var entry in entries)
        {
            starts[Bucket(entry >> IdBits, buckets) + 1]++;
            var bit = FilterBit(entry >> IdBits, filterBits);
            filter[bit >> 6] |= 1UL << (bit & 63);
        }

        for (var i = 0; i < buckets; i++)
        {
            starts[i + 1] += starts[i];
        }

        filed = new ulong[entries.Length];
        var next = starts[..buckets];
        foreach (var entry in entries)
        {
            filed[next[Bucket(entry >> IdBits, buckets)]++] = entry;
        }
    }

    private interface IVariantVisitor
    {
        void Visit(ulong hash);
    }

    /// <summary>Gets the largest number of edits the index can find (at most 2).</summary>
    public int MaxEdits { get; }

    /// <summary>The keys within <paramref name="budget"/> edits of <paramref name="query"/>, with their distance, nearest
    /// first, then in ordinal order.</summary>
    public IReadOnlyList<(string Key, int Distance)> Find(string query, int budget) => Find(query, budget, []);

    /// <summary>As <see cref="Find(string, int)"/>, into a list the caller provides (cleared first), which is returned.</summary>
    public List<(string Key, int Distance)> Find(string query, int budget, List<(string Key, int Distance)> found)
    {
        found.Clear();
        budget = Math.Min(budget, MaxEdits);
        if (budget <= 0 || query.Length == 0 || query.Length > MaxKeyLength)
        {
            return found;
        }

        var seen = ArrayPool<ulong>.Shared.Rent((keys.Length + 63) / 64);
        try
        {
            Array.Clear(seen);
            var search = new Search { Index = this, Query = query, Budget = budget, Seen = seen, Found = found };
            Deletes(query, budget, ref search);
            found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Key, b.Key));
            return found;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(seen);
        }
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Distance(a, b, int.MaxValue);

    /// <summary>The optimal string alignment distance when it is at most <paramref name="limit"/>; else some value above
    /// <paramref name="limit"/> (the computation stops as soon as every cell of a row exceeds it).</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1; // the lengths alone differ by more
        }

        // Only cells within `limit` of the diagonal can hold a value within it: the band is computed, the cells beside it
        // hold `beyond`, and every row's band is bounded by cells the rows before it computed or marked.
        var beyond = limit >= int.MaxValue / 2 ? int.MaxValue / 2 : limit + 1;
        var width = b.Length + 1;
        var cells = 3 * width <= 1024 ? stackalloc int[3 * width] : new int[3 * width];
        for (var j = 0; j <= b.Length; j++)
        {
            cells[width + j] = j <= limit ? j : beyond;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var current = cells.Slice((i + 1) % 3 * width, width);
            var previous = cells.Slice(i % 3 * width, width);
            var beforePrevious = cells.Slice((i + 2) % 3 * width, width);
            var low = Math.Max(1, i - limit);
            var high = (int)Math.Min(b.Length, (long)i + limit);
            current[0] = i <= limit ? i : beyond;
            current[low - 1] = low == 1 ? current[0] : beyond;
            var rowMinimum = current[low - 1];
            for (var j = low; j <= high; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = Math.Min(value, beyond);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (high < b.Length)
            {
                current[high + 1] = beyond;
            }

            // Values along an alignment only grow, and a transposition's skipped row holds a value one above its start:
            // if the distance is within the limit, every row has a value within it.
            if (rowMinimum > limit)
            {
                return limit + 1;
            }
        }

        return Math.Min(cells[((a.Length + 1) % 3 * width) + b.Length], beyond);
    }

    /// <summary>The polynomial hash of a string: h = h·B + c over its characters, modulo 2^64.</summary>
    internal static ulong Hash(ReadOnlySpan<char> text)
    {
        ulong hash = 0;
        foreach (var c in text)
        {
            hash = (hash * Base) + c;
        }

        return hash;
    }

    private static int FilterBit(ulong hash, int bits) => (int)((hash >> 7) * 0x9E3779B97F4A7C15UL >> 40) & (bits - 1);

    private static int Bucket(ulong hash, int buckets) => (int)((hash ^ (hash >> 23)) & (ulong)(buckets - 1));

    /// <summary>Visits the hash of the word and of every variant with up to <paramref name="edits"/> (at most 2) letters
    /// deleted, each set of positions once, down to the empty string, so that short keys within the budget of each other
    /// meet. Each variant's hash comes from the prefix hashes in constant time:
    /// hash(s[a..b)) = P[b] − P[a]·B^(b−a), and a variant is its kept segments, each shifted by the length after it.</summary>
    private static void Deletes<TVisitor>(string word, int edits, ref TVisitor visitor)
        where TVisitor : struct, IVariantVisitor
    {
        var length = word.Length;
        Span<ulong> prefix = stackalloc ulong[length + 1];
        Span<ulong> power = stackalloc ulong[length + 1];
        power[0] = 1;
        for (var k = 0; k < length; k++)
        {
            prefix[k + 1] = (prefix[k] * Base) + word[k];
            power[k + 1] = power[k] * Base;
        }

        visitor.Visit(prefix[length]);
        if (edits == 0)
        {
            return;
        }

        for (var i = 0; i < length; i++)
        {
            // without i: s[0..i) then s[i+1..L)
            var after = prefix[length] - (prefix[i + 1] * power[length - i - 1]);
            visitor.Visit((prefix[i] * power[length - i - 1]) + after);
            if (edits == 1)
            {
                continue;
            }

            for (var j = i + 1; j < length; j++)
            {
                // without i and j: s[0..i), s[i+1..j), s[j+1..L)
                var middle = prefix[j] - (prefix[i + 1] * power[j - i - 1]);
                var tail = prefix[length] - (prefix[j + 1] * power[length - j - 1]);
                visitor.Visit((prefix[i] * power[length - i - 2]) + (middle * power[length - j - 1]) + tail);
            }
        }
    }

    private struct Filing : IVariantVisitor
    {
        public ulong[] Entries;
        public uint Id;
        private int next;

        public void Visit(ulong hash) => Entries[next++] = (hash >> IdBits << IdBits) | Id;
    }

    private struct Search : IVariantVisitor
    {
        public FuzzyIndex Index;
        public string Query;
        public int Budget;
        public ulong[] Seen;
        public List<(string Key, int Distance)> Found;

        public void Visit(ulong hash)
        {
            hash >>= IdBits;
            var filter = Index.filter;
            var filterBit = FilterBit(hash, filter.Length * 64);
            if ((filter[filterBit >> 6] & (1UL << (filterBit & 63))) == 0)
            {
                return;
            }

            var starts = Index.starts;
            var bucket = Bucket(hash, starts.Length - 1);
            foreach (var entry in Index.filed.AsSpan(starts[bucket], starts[bucket + 1] - starts[bucket]))
            {
                if (entry >> IdBits != hash)
                {
                    continue;
                }

                var id = (int)(entry & MaxId);
                ref var word = ref Seen[id >> 6];
                var bit = 1UL << (id & 63);
                if ((word & bit) != 0)
                {
                    continue;
                }

                word |= bit;
                var key = Index.keys[id];
                if (Distance(Query, key, Budget) is var distance && distance <= Budget)
                {
                    Found.Add((key, distance));
                }
            }
        }
    }
}
