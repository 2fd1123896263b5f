using System.Diagnostics;
using Gazetteer.Cli;

namespace Gazetteer.Tests.Cli;

/// <summary>Runs the CLI in-process (fast) or as a real process (exit codes, streams, encoding end to end).</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs in-process with this text on standard input (its UTF-8 bytes for commands that read bytes).</summary>
    public static (int ExitCode, string Out, string Error) RunWithInput(string input, params string[] args) =>
        RunInProcess(() => new StringReader(input), () => new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(input), writable: false), args);

    /// <summary>Runs in-process with these bytes on standard input.</summary>
    public static (int ExitCode, string Out, string Error) RunWithBytes(byte[] input, params string[] args) =>
        RunInProcess(() => new StreamReader(new MemoryStream(input), new System.Text.UTF8Encoding(false)), () => new MemoryStream(input, writable: false), args);

    private static (int ExitCode, string Out, string Error) RunInProcess(Func<TextReader> text, Func<Stream> bytes, string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdout, stderr, text, IsErrorRedirected: true, OpenInputStream: bytes);
        var code = GazetteerCli.Run(args, console);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static (int ExitCode, string Out, string Error) RunProcess(string? input, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Gazetteer.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("gazetteer did not finish in 2 minutes: " + string.Join(' ', args));
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
