using System.Text;
using BenchmarkDotNet.Attributes;
using Gazetteer.Cli;

namespace Gazetteer.Benchmarks;

/// <summary><c>gazetteer validate</c> end to end (the CLI entry point, in-process: read, resolve, write a CSV file),
/// reported per row: rows/s = 1 / mean. "repeating": the place column cycles through the dataset's 1,600-odd distinct
/// names in several scripts (resolutions are cached per distinct value); "distinct": every value is a different
/// random letter string (each one is searched, most end unresolved after the fuzzy tiers: the worst case).</summary>
[MemoryDiagnoser]
public class ValidateBenchmarks
{
    private const int Rows = 100_000;

    private string input = null!;
    private string output = null!;
    private CliConsole console = null!;

    [Params("repeating", "distinct")]
    public string Values { get; set; } = "repeating";

    [GlobalSetup]
    public void Setup()
    {
        var names = PlaceCatalog.Default.Places.SelectMany(p => p.Names).Select(n => n.Text).Distinct().ToArray();
        var random = new Random(DatasetNames.Seed);
        var sb = new StringBuilder("id,place,note\n");
        for (var i = 0; i < Rows; i++)
        {
            var place = Values == "repeating"
                ? names[i % names.Length]
                : new string([.. Enumerable.Range(0, random.Next(5, 12)).Select(_ => (char)('a' + random.Next(26)))]);
            sb.Append(i).Append(",\"").Append(place.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",row ").Append(i).Append('\n');
        }

        input = Path.Combine(Path.GetTempPath(), $"gazetteer-bench-{Values}.csv");
        output = Path.Combine(Path.GetTempPath(), $"gazetteer-bench-{Values}.out.csv");
        File.WriteAllText(input, sb.ToString());
        console = new CliConsole(TextWriter.Null, TextWriter.Null, () => TextReader.Null, IsErrorRedirected: true, OpenInputStream: () => Stream.Null, IsOutputRedirected: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(input);
        File.Delete(output);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int ValidatePerRow() => GazetteerCli.Run(["validate", input, "--column", "place", "--output", output], console);
}
