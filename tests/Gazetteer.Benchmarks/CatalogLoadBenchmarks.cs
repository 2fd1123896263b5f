using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Gazetteer.Benchmarks;

/// <summary>Building the catalogue from the embedded data, as <see cref="PlaceCatalog.Default"/> does on first use,
/// a fresh load per operation; the global set-up prints how much managed heap a loaded catalogue keeps.</summary>
[MemoryDiagnoser]
public class CatalogLoadBenchmarks
{
    /// <summary>Prints the managed heap (<see cref="GC.GetTotalMemory"/> after a forced full collection) before any
    /// load, after the first load in the process, and after one more load kept alive.</summary>
    [GlobalSetup]
    public void ReportRetainedHeap()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var first = PlaceCatalog.LoadEmbedded();
        var afterFirst = GC.GetTotalMemory(forceFullCollection: true);
        var second = PlaceCatalog.LoadEmbedded();
        var afterSecond = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(first);
        GC.KeepAlive(second);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Managed heap (GC.GetTotalMemory after a full collection): {Kib(before)} before loading; {Kib(afterFirst)} after the first load (+{Kib(afterFirst - before)}: one catalogue plus ICU data and static caches); one more catalogue kept alive retains +{Kib(afterSecond - afterFirst)}; {first.Places.Count} places, {first.Forms.Count} indexed forms."));
    }

    [Benchmark]
    public PlaceCatalog LoadEmbedded() => PlaceCatalog.LoadEmbedded();

    private static string Kib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB");
}
