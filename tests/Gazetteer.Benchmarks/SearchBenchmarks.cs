using BenchmarkDotNet.Attributes;
using FuzzySharp;
using Gazetteer.Text;

namespace Gazetteer.Benchmarks;

/// <summary><see cref="PlaceCatalog.Search"/> against FuzzySharp's <c>Process.ExtractOne</c> (the lowercase processor,
/// since its default processor scores hanzi and Arabic-script matches 0) over the same list of names: every attested
/// and derived form of the catalogue. Queries: one-edit typos of Latin names and Uyghur Cyrillic spellings made from the
/// Arabic-script names (a script the dataset does not hold), fixed seed. Top-1 accuracy of both is printed in setup.
/// <c>GazetteerSearch</c> uses the default options (up to 10 matches, each with its explanation); <c>GazetteerSearchTop1</c>
/// asks for the best match only, the same answer ExtractOne gives.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchBenchmarks
{
    private static readonly SearchOptions TopOne = new() { Limit = 1 };

    private PlaceCatalog catalog = null!;
    private string[] choices = null!;
    private Dictionary<string, string> codeOfChoice = null!;
    private (string Query, string Code)[] queries = null!;
    private int next;

    [Params("typo", "cross-script")]
    public string Kind { get; set; } = "typo";

    [GlobalSetup]
    public void Setup()
    {
        catalog = PlaceCatalog.Default;
        var forms = catalog.Places.Where(p => !p.IsHistorical)
            .SelectMany(p => p.Names.Concat(catalog.GetDerivedNames(p.Code)).Select(n => (p.Code, n.Text)))
            .ToList();
        choices = [.. forms.Select(f => f.Text).Distinct(StringComparer.Ordinal)];
        codeOfChoice = forms.GroupBy(f => f.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        queries = Build(Kind);
        var ours = queries.Count(q => catalog.Search(q.Query).Best?.Place.Code == q.Code);
        var theirs = queries.Count(q => codeOfChoice[Process.ExtractOne(q.Query, choices, s => s.ToLowerInvariant()).Value] == q.Code);
        Console.WriteLine($"// {Kind}: {queries.Length} queries over {choices.Length} names; top-1 Gazetteer {ours} ({100.0 * ours / queries.Length:F1}%), FuzzySharp {theirs} ({100.0 * theirs / queries.Length:F1}%)");
    }

    [Benchmark(Baseline = true)]
    public string? FuzzySharpExtractOne()
    {
        var query = queries[next++ % queries.Length].Query;
        return Process.ExtractOne(query, choices, s => s.ToLowerInvariant()).Value;
    }

    [Benchmark]
    public string? GazetteerSearch()
    {
        var query = queries[next++ % queries.Length].Query;
        return catalog.Search(query).Best?.Place.Code;
    }

    /// <summary>The best match only, as ExtractOne gives (status still weighs every candidate).</summary>
    [Benchmark]
    public string? GazetteerSearchTop1()
    {
        var query = queries[next++ % queries.Length].Query;
        return catalog.Search(query, TopOne).Best?.Place.Code;
    }

    private (string, string)[] Build(string kind)
    {
        var random = new Random(DatasetNames.Seed);
        var current = catalog.Places.Where(p => !p.IsHistorical).ToList();
        if (kind == "cross-script")
        {
            return [.. current.SelectMany(p => p.Names.Where(n => n.Language == "ug-Arab").Select(n => (Transliterator.Transliterate(n.Text, "ug-Arab", "ug-Cyrl"), p.Code)))];
        }

        var result = new List<(string, string)>();
        foreach (var place in current)
        {
            foreach (var name in place.Names.Where(n => n.Text.All(c => c < 0x250) && n.Text.Count(char.IsLetter) >= 6).Take(2))
            {
                var i = random.Next(name.Text.Length);
                var typo = random.Next(2) == 0 ? name.Text.Remove(i, 1) : name.Text.Insert(i, "e");
                result.Add((typo, place.Code));
            }
        }

        return [.. result];
    }
}
