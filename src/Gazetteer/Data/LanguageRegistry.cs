using System.Text.RegularExpressions;
using Gazetteer.Utility;

namespace Gazetteer.Data;

/// <summary>The language tags the dataset may use (<c>data/languages.csv</c>) and the script each is written in.</summary>
internal sealed partial class LanguageRegistry
{
    public static readonly string[] Header = ["tag", "name", "script", "note"];

    private readonly Dictionary<string, string> scripts;

    private LanguageRegistry(Dictionary<string, string> scripts) => this.scripts = scripts;

    public IReadOnlyCollection<string> Tags => scripts.Keys;

    public static LanguageRegistry Read(TextReader reader, string fileName, List<DataProblem> problems)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, fileName, Header, problems))
        {
            var tag = record.Fields[0];
            if (!IsWellFormed(tag))
            {
                problems.Add(new DataProblem(fileName, record.Line, 1, "tag", tag, ErrorMessages.MalformedLanguage(tag)));
                continue;
            }

            scripts[tag] = record.Fields[2];
        }

        return new LanguageRegistry(scripts);
    }

    public static bool IsWellFormed(string tag) => TagPattern().IsMatch(tag);

    public bool TryGetScript(string tag, out string script) => scripts.TryGetValue(tag, out script!);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?(-[a-z0-9]{5,8})*(-x(-[a-z0-9]{1,8})+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
