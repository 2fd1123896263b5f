using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Gazetteer.Benchmarks;

/// <summary>Entry point: <c>coldstart</c> and <c>firstuse</c> time fresh processes; anything else goes to BenchmarkDotNet.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case ColdStart.Command:
                return ColdStart.Run(args[1..]);
            case FirstUse.Command:
                return FirstUse.Run(args[1..]);
            case FirstUse.OnceCommand:
                return FirstUse.RunOnce(args[1..]);
            default:
                // Wide enough for the longest transform id (zh-Latn-wadegile_zh-Latn-pinyin), which is otherwise cut.
                var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
                return 0;
        }
    }
}
