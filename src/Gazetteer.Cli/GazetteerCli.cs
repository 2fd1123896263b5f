using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Gazetteer.Cli.Commands;

namespace Gazetteer.Cli;

/// <summary>Builds the command tree and runs one command line; used by <see cref="Program"/> and by the tests in-process.</summary>
internal static class GazetteerCli
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Load places.csv and names.csv from this folder instead of the built-in data.",
        HelpName = "dir",
        Recursive = true,
    };

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("gazetteer: every prefecture and county of Xinjiang under every name, resolved to one canonical place.")
        {
            DataOption,
        };
        root.Subcommands.Add(LookupCommand.Create(console));
        root.Subcommands.Add(SearchCommand.Create(console));
        root.Subcommands.Add(TranslitCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(InfoCommand.Create(console));
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(console);
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run 'gazetteer --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UserErrorException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (GazetteerDataException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.DataError;
        }
    }

    /// <summary>Gets the informational version of the tool (<c>0.1.0+commit</c>), as <c>--version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(GazetteerCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GazetteerCli).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The catalogue the command line asks for: the built-in one, or one loaded from <c>--data</c>.</summary>
    public static PlaceCatalog Catalog(ParseResult result)
    {
        var folder = result.GetValue(DataOption);
        if (folder is null)
        {
            return PlaceCatalog.Default;
        }

        if (!Directory.Exists(folder))
        {
            throw new UserErrorException($"--data: folder '{folder}' does not exist.");
        }

        return PlaceCatalog.FromDirectory(folder);
    }
}

/// <summary>Prints <see cref="GazetteerCli.Version"/>: this assembly's version, not the entry assembly's (which is the
/// test host when the tests run the command line in-process).</summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(GazetteerCli.Version);
        return ExitCodes.Success;
    }
}
