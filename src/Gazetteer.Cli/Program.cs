using System.Text;

namespace Gazetteer.Cli;

/// <summary>Entry point of the <c>gazetteer</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        var console = new CliConsole(stdout, stderr, () => Console.In, Console.IsErrorRedirected, Console.OpenStandardInput, Console.IsOutputRedirected);
        var code = GazetteerCli.Run(args, console);
        stdout.Flush();
        return code;
    }
}
