using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gazetteer.Benchmarks;

/// <summary>Runs a command as a fresh process and times it with <see cref="Stopwatch"/>, from start to exit.</summary>
internal static class ProcessTimer
{
    public static (double WallMs, int ExitCode, string Out, string Error) Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish in 2 minutes.");
        }

        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Median, minimum and maximum of a sample, in milliseconds, as one line.</summary>
    public static string Summary(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"median {median,8:F1} ms   min {sorted[0],8:F1}   max {sorted[^1],8:F1}   (n={sorted.Length})");
    }

    /// <summary>Reads <c>--runs N</c> (default 10) from the arguments, removing it.</summary>
    public static int TakeRuns(List<string> arguments)
    {
        var at = arguments.IndexOf("--runs");
        if (at < 0)
        {
            return 10;
        }

        if (at + 1 >= arguments.Count || !int.TryParse(arguments[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var runs) || runs < 1)
        {
            throw new ArgumentException("--runs expects a positive whole number.");
        }

        arguments.RemoveRange(at, 2);
        return runs;
    }
}
