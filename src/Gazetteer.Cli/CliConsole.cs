namespace Gazetteer.Cli;

/// <summary>The streams a command uses: data on <see cref="Out"/>, diagnostics on <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="OpenInput">Opens standard input as text.</param>
/// <param name="IsErrorRedirected">Whether standard error is not a terminal (no progress display then).</param>
/// <param name="OpenInputStream">Opens standard input as bytes, for commands that decode it themselves (validate).</param>
/// <param name="IsOutputRedirected">Whether standard output is not a terminal (a progress display would otherwise
/// interleave with the data).</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    Func<TextReader> OpenInput,
    bool IsErrorRedirected,
    Func<Stream> OpenInputStream,
    bool IsOutputRedirected = true);

/// <summary>Arguments that may be <c>-</c> for standard input.</summary>
internal static class CliInput
{
    /// <summary>The argument itself, or for <c>-</c> the text on standard input (trimmed; one name or query).</summary>
    public static string TextOrStdin(string argument, CliConsole console)
    {
        if (argument != "-")
        {
            return argument;
        }

        var text = console.OpenInput().ReadToEnd().Trim();
        return text.Length > 0 ? text : throw new UserErrorException("standard input is empty: expected a name after '-'.");
    }
}

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int NotFound = 1;

    /// <summary><c>validate</c>: some rows are unresolved, ambiguous or (without <c>--strict</c>) malformed.</summary>
    public const int NeedsReview = 1;
    public const int Usage = 2;
    public const int DataError = 3;
    public const int Ambiguous = 4;
}

/// <summary>A mistake of the user's (bad option value, missing file): printed as <c>error: message</c>, no stack trace.</summary>
internal sealed class UserErrorException : Exception
{
    public UserErrorException(string message, int exitCode = ExitCodes.Usage)
        : base(message) => ExitCode = exitCode;

    public UserErrorException()
        : this("invalid usage")
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.Usage;

    public int ExitCode { get; }
}
