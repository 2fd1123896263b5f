using System.CommandLine;
using System.CommandLine.Help;
using Gazetteer.Cli.Commands;

namespace Gazetteer.Cli;

/// <summary>Builds the command tree and runs one command line; used by <see cref="Program"/> and by the tests in-process.</summary>
internal static class GazetteerCli
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Load places.csv and names.csv from this folder instead of the built-in data.",
        Recursive = true,
    };

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("gazetteer: every prefecture and county of Xinjiang under every name, resolved to one canonical place.")
        {
            DataOption,
        };
        root.Subcommands.Add(LookupCommand.Create(console));
        root.Subcommands.Add(TranslitCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(InfoCommand.Create(console));

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
