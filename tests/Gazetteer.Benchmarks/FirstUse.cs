using System.Diagnostics;
using System.Globalization;
using Gazetteer.Text;
using IcuTransliterator = ICU4N.Text.Transliterator;

namespace Gazetteer.Benchmarks;

/// <summary>The <c>firstuse</c> mode: the first transliteration in a fresh process, timed inside that process.</summary>
/// <remarks>Usage: <c>firstuse [--runs N] [TRANSFORM…]</c>. For each transform (default: every direct pair and
/// Han-Latin) it starts <c>N</c> processes of this app with <c>firstuse-once</c>, which times one call the way an
/// application makes its first one — <c>Gazetteer.Text.Transliterator.Transliterate</c>, or ICU's
/// <c>Transliterator.GetInstance("Han-Latin").Transliterate</c> — JIT, ICU data loading and rule compilation
/// included, process start-up excluded. The input is one dataset name of the source language (fixed seed), passed on
/// the command line so that the child loads no catalogue before the call.</remarks>
internal static class FirstUse
{
    public const string Command = "firstuse";
    public const string OnceCommand = "firstuse-once";

    public static int Run(string[] args)
    {
        var arguments = args.ToList();
        int runs;
        List<TransformCase> transforms;
        try
        {
            runs = ProcessTimer.TakeRuns(arguments);
            transforms = arguments.Count > 0 ? arguments.Select(TransformCase.Parse).ToList() : TransformCase.All().ToList();
            if (transforms.FirstOrDefault(t => !t.IsHanLatin && !Transliterator.IsSupported(t.From, t.To)) is { } unsupported)
            {
                throw new ArgumentException($"Transliteration from '{unsupported.From}' to '{unsupported.To}' is not supported.");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            Console.Error.WriteLine($"usage: {Command} [--runs N] [TRANSFORM...]   (TRANSFORM: a rule file stem such as ug-Arab_ug-Latn, or {TransformCase.HanLatin})");
            return 2;
        }

        var self = typeof(FirstUse).Assembly.Location;
        Console.WriteLine($"First use in a fresh process: {runs} processes per transform; ms inside the process (Stopwatch) around the first call; {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}.");
        foreach (var transform in transforms)
        {
            var sample = DatasetNames.Batch(transform.From, 1)[0];
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var (_, exitCode, output, error) = ProcessTimer.Run("dotnet", [self, OnceCommand, transform.Id, sample]);
                if (exitCode != 0 || !double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    Console.Error.WriteLine($"error: {transform.Id} run {i + 1} exited with {exitCode}: {error.Trim()}");
                    return 1;
                }

                times.Add(ms);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {transform.Id,-34} {ProcessTimer.Summary(times)}   input '{sample}'"));
        }

        return 0;
    }

    /// <summary>In the child: one first call, timed; prints the milliseconds alone.</summary>
    public static int RunOnce(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine($"usage: {OnceCommand} TRANSFORM TEXT");
            return 2;
        }

        var transform = TransformCase.Parse(args[0]);
        var text = args[1];
        var watch = Stopwatch.StartNew();
        var result = transform.IsHanLatin
            ? IcuTransliterator.GetInstance(TransformCase.HanLatin).Transliterate(text)
            : Transliterator.Transliterate(text, transform.From, transform.To);
        watch.Stop();
        GC.KeepAlive(result);
        Console.WriteLine(watch.Elapsed.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture));
        return 0;
    }
}
