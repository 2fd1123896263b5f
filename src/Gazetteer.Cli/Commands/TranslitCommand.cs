using System.CommandLine;
using Gazetteer.Text;

namespace Gazetteer.Cli.Commands;

/// <summary><c>gazetteer translit [TEXT] --from TAG --to TAG [--list]</c>: transliterate one text, or standard input
/// line by line.</summary>
internal static class TranslitCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string?>("text")
        {
            Description = "The text to transliterate; omit it or give '-' to read standard input line by line.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var from = new Option<string?>("--from") { Description = "Source tag, e.g. ug-Arab, kk-Cyrl, zh-Latn-wadegile.", HelpName = "tag" };
        var to = new Option<string?>("--to") { Description = "Target tag, e.g. ug-Latn, ug-Cyrl, kk-Latn, zh-Latn-pinyin.", HelpName = "tag" };
        var list = new Option<bool>("--list")
        {
            Description = "Print the supported pairs (from, to, rule files applied), one per line, tab-separated; --from/--to filter them.",
        };
        var command = new Command("translit", """
            Transliterate between the scripts and romanizations of the region with the built-in ICU rule files.
            With no TEXT (or TEXT '-') read standard input and write exactly one output line per input line, in order:
            empty lines stay empty, characters no rule maps pass through unchanged. Rule files are built in; --data has
            no effect here.
            Examples:
              gazetteer translit ئۈرۈمچى --from ug-Arab --to ug-Latn
              gazetteer translit Дөрбілжін --from kk-Cyrl --to kk-Arab
              gazetteer translit --from ug-Arab --to ug-Latn < names.txt > names-uly.txt
              gazetteer translit --list
            Exit codes: 0 done, 2 usage error (including an unsupported pair).
            """)
        {
            text,
            from,
            to,
            list,
        };
        command.SetAction(result =>
        {
            var source = result.GetValue(from);
            var target = result.GetValue(to);
            if (result.GetValue(list))
            {
                if (result.GetValue(text) is not null)
                {
                    throw new UserErrorException("--list takes no TEXT.");
                }

                WritePairs(console.Out, source, target);
                return ExitCodes.Success;
            }

            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
            {
                throw new UserErrorException("translit needs --from and --to (see 'gazetteer translit --list' for the supported pairs).");
            }

            if (!Transliterator.IsSupported(source, target))
            {
                throw new UserErrorException(
                    $"transliteration from '{source}' to '{target}' is not supported. Supported pairs: "
                    + string.Join(", ", Transliterator.SupportedPairs.Select(p => $"{p.From} → {p.To}")) + ".");
            }

            var input = result.GetValue(text);
            if (input is not null && input != "-")
            {
                console.Out.WriteLine(Line(input, source, target));
                return ExitCodes.Success;
            }

            var reader = console.OpenInput();
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                // Flushed per line so that a program feeding lines one at a time (or a person typing) gets each answer
                // before sending the next.
                console.Out.WriteLine(Line(line, source, target));
                console.Out.Flush();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One output line: the transliteration, with any line break a rule might produce turned into a space so
    /// that line <c>n</c> of the output always belongs to line <c>n</c> of the input.</summary>
    internal static string Line(string text, string from, string to)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var result = Transliterator.Transliterate(text, from, to);
        return result.AsSpan().IndexOfAny('\r', '\n') < 0 ? result : result.Replace('\r', ' ').Replace('\n', ' ');
    }

    private static void WritePairs(TextWriter output, string? from, string? to)
    {
        foreach (var pair in Transliterator.SupportedPairs)
        {
            if ((from is null || pair.From == from) && (to is null || pair.To == to))
            {
                output.WriteLine($"{pair.From}\t{pair.To}\t{string.Join(" + ", pair.Steps)}");
            }
        }
    }
}
