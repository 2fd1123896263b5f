using BenchmarkDotNet.Attributes;
using Gazetteer.Search;

namespace Gazetteer.Benchmarks;

/// <summary>Why search uses a symmetric-delete index: the same query (every match key within the edit budget) answered
/// by the index, by a BK-tree over the same keys, and by a linear scan computing the distance to every key.
/// Keys: the catalogue's match keys; queries: keys with one and two random edits (fixed seed). Build cost of each
/// structure is measured too.</summary>
[MemoryDiagnoser]
public class FuzzyIndexBenchmarks
{
    private string[] keys = null!;
    private string[] queries = null!;
    private FuzzyIndex symmetricDelete = null!;
    private BkTree bkTree = null!;
    private int next;

    [Params(1, 2)]
    public int Edits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        keys = [.. PlaceCatalog.Default.MatchKeyIndex.Keys.Where(k => k.Length > 0).Order(StringComparer.Ordinal)];
        var random = new Random(DatasetNames.Seed);
        queries = [.. Enumerable.Range(0, 256).Select(_ =>
        {
            var key = keys[random.Next(keys.Length)];
            for (var e = 0; e < Edits && key.Length > 1; e++)
            {
                var i = random.Next(key.Length);
                key = random.Next(2) == 0 ? key.Remove(i, 1) : key.Insert(i, "a");
            }

            return key;
        })];
        symmetricDelete = new FuzzyIndex(keys);
        bkTree = new BkTree(keys);
        var missed = queries.SelectMany(q => Linear(q).Except(symmetricDelete.Find(q, Edits).Select(f => f.Key)).Select(k => (q, k))).ToList();
        Console.WriteLine($"// {keys.Length} keys, {queries.Length} queries with {Edits} edit(s); matches the linear scan finds and the index does not: {missed.Count}"
            + string.Concat(missed.Take(5).Select(m => $" [{m.q} ~ {m.k}]")));
    }

    [Benchmark(Baseline = true)]
    public int LinearScan() => Linear(queries[next++ % queries.Length]).Count;

    [Benchmark]
    public int SymmetricDelete() => symmetricDelete.Find(queries[next++ % queries.Length], Edits).Count;

    [Benchmark]
    public int BkTreeSearch() => bkTree.Find(queries[next++ % queries.Length], Edits).Count;

    [Benchmark]
    public object BuildSymmetricDelete() => new FuzzyIndex(keys);

    [Benchmark]
    public BkTree BuildBkTree() => new(keys);

    private List<string> Linear(string query) => [.. keys.Where(k => Math.Abs(k.Length - query.Length) <= Edits && FuzzyIndex.Distance(query, k) <= Edits)];

    /// <summary>A Burkhard–Keller tree under the same optimal-string-alignment distance (a metric only approximately:
    /// OSA can break the triangle inequality, which is one more reason not to use it).</summary>
    public sealed class BkTree
    {
        private readonly Node root;

        public BkTree(IReadOnlyList<string> words)
        {
            root = new Node(words[0]);
            foreach (var word in words.Skip(1))
            {
                var node = root;
                while (true)
                {
                    var d = FuzzyIndex.Distance(word, node.Word);
                    if (d == 0)
                    {
                        break;
                    }

                    if (!node.Children.TryGetValue(d, out var child))
                    {
                        node.Children[d] = new Node(word);
                        break;
                    }

                    node = child;
                }
            }
        }

        public List<string> Find(string query, int budget)
        {
            var result = new List<string>();
            var stack = new Stack<Node>([root]);
            while (stack.TryPop(out var node))
            {
                var d = FuzzyIndex.Distance(query, node.Word);
                if (d <= budget)
                {
                    result.Add(node.Word);
                }

                foreach (var (distance, child) in node.Children)
                {
                    if (distance >= d - budget && distance <= d + budget)
                    {
                        stack.Push(child);
                    }
                }
            }

            return result;
        }

        private sealed class Node(string word)
        {
            public string Word { get; } = word;

            public Dictionary<int, Node> Children { get; } = [];
        }
    }
}
