using BenchmarkDotNet.Attributes;
using Gazetteer.Text;

namespace Gazetteer.Benchmarks;

/// <summary>Exact lookup on <see cref="PlaceCatalog.Default"/>: one query per script, a miss, and the normaliser alone.</summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private const string Latin = "Dorbiljin";
    private const string Diacritic = "Ürümqi";
    private const string ArabicScript = "دۆربىلجىن";
    private const string Hanzi = "额敏县";
    private const string Miss = "Atlantis";

    private PlaceCatalog catalog = null!;

    /// <summary>Loads the catalogue outside the measurement and checks that each query takes the path its name says.</summary>
    [GlobalSetup]
    public void Setup()
    {
        catalog = PlaceCatalog.Default;
        Expect(Latin, "654221");
        Expect(Diacritic, "650100");
        Expect(ArabicScript, "654221");
        Expect(Hanzi, "654221");
        if (catalog.Lookup(Miss).Count != 0)
        {
            throw new InvalidOperationException($"'{Miss}' was meant to find nothing.");
        }
    }

    [Benchmark]
    public IReadOnlyList<PlaceMatch> Lookup_Latin() => catalog.Lookup(Latin);

    [Benchmark]
    public IReadOnlyList<PlaceMatch> Lookup_Diacritic() => catalog.Lookup(Diacritic);

    [Benchmark]
    public IReadOnlyList<PlaceMatch> Lookup_ArabicScript() => catalog.Lookup(ArabicScript);

    [Benchmark]
    public IReadOnlyList<PlaceMatch> Lookup_Hanzi() => catalog.Lookup(Hanzi);

    [Benchmark]
    public IReadOnlyList<PlaceMatch> Lookup_Miss() => catalog.Lookup(Miss);

    [Benchmark]
    public string Normalize_Latin() => NameNormalizer.Normalize(Latin);

    [Benchmark]
    public string Normalize_ArabicScript() => NameNormalizer.Normalize(ArabicScript);

    private void Expect(string query, string code)
    {
        var matches = catalog.Lookup(query);
        if (matches.Count == 0 || !string.Equals(matches[0].Place.Code, code, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{query}' was meant to find {code} first; it found [{string.Join(", ", matches.Select(m => m.Place.Code))}].");
        }
    }
}
