using System.Globalization;

namespace Gazetteer.Benchmarks;

/// <summary>The <c>coldstart</c> mode: wall-clock time of fresh <c>dotnet Gazetteer.Cli.dll …</c> processes.</summary>
/// <remarks>Usage: <c>coldstart [--runs N] [--cli PATH] [-- ARGS…]</c>. Without <c>ARGS</c> it times <c>--version</c>
/// (runtime start-up and argument parsing, no data) and <c>lookup Dorbiljin</c> (start-up, loading the catalogue, one
/// lookup, output). Each command runs once untimed (to warm the disk cache), then <c>N</c> timed runs, one after another.</remarks>
internal static class ColdStart
{
    public const string Command = "coldstart";

    public static int Run(string[] args)
    {
        var arguments = args.ToList();
        int runs;
        try
        {
            runs = ProcessTimer.TakeRuns(arguments);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "Gazetteer.Cli.dll");
        var at = arguments.IndexOf("--cli");
        if (at >= 0 && at + 1 < arguments.Count)
        {
            cli = Path.GetFullPath(arguments[at + 1]);
            arguments.RemoveRange(at, 2);
        }

        List<string[]> commands = [["--version"], ["lookup", "Dorbiljin"]];
        var separator = arguments.IndexOf("--");
        if (separator >= 0)
        {
            commands = [arguments[(separator + 1)..].ToArray()];
            arguments.RemoveRange(separator, arguments.Count - separator);
        }

        if (arguments.Count > 0 || commands.Any(c => c.Length == 0))
        {
            Console.Error.WriteLine("usage: coldstart [--runs N] [--cli PATH/Gazetteer.Cli.dll] [-- CLI-ARGUMENTS...]");
            return 2;
        }

        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"error: '{cli}' does not exist. Build the CLI (dotnet build -c Release) or pass --cli PATH.");
            return 2;
        }

        Console.WriteLine($"Cold start: dotnet {cli} ...");
        Console.WriteLine($"{runs} fresh processes per command after 1 untimed run; wall-clock ms from Process.Start to exit (Stopwatch); {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}.");
        foreach (var command in commands)
        {
            var warmUp = ProcessTimer.Run("dotnet", [cli, .. command]);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var (ms, exitCode, _, error) = ProcessTimer.Run("dotnet", [cli, .. command]);
                if (exitCode != warmUp.ExitCode)
                {
                    Console.Error.WriteLine($"error: run {i + 1} exited with {exitCode}, the untimed run with {warmUp.ExitCode}: {error.Trim()}");
                    return 1;
                }

                times.Add(ms);
            }

            var label = string.Join(' ', command);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-28} {ProcessTimer.Summary(times)}   exit code {warmUp.ExitCode}"));
        }

        return 0;
    }
}
