using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gazetteer.Cli.Validation;

/// <summary>One CSV record as read: the line it begins on, its fields, and what is wrong with it (null when nothing).</summary>
/// <param name="Line">The 1-based line the record begins on.</param>
/// <param name="Fields">The fields. For a well-formed record, as RFC 4180 reads them; for a record with bad quoting, the
/// characters of each field exactly as they stand between the delimiters (quotes included).</param>
/// <param name="Problem">What is malformed about the record, or null.</param>
internal readonly record struct InputRecord(long Line, string[] Fields, string? Problem);

/// <summary>Reads CSV records one at a time with CsvHelper's parser in strict RFC 4180 mode and reports every record that
/// is not well formed instead of repairing it silently: bad quoting, a quote that is never closed, invalid bytes for
/// the encoding. Field counts are checked by the caller, who knows the header.</summary>
/// <remarks>
/// <para>A quote that is never closed would make the rest of the input one field, and a stray quote would join the
/// lines up to the next quote into one record. Instead, when the input ends inside a quoted field, a field grows past
/// <see cref="MaxFieldLength"/> characters, or a record with bad quoting runs over several lines, the record is cut at
/// the end of the line it began on, reported, and reading resumes on the next line with a fresh parser (the reader
/// keeps the text since the start of the record for that). A malformed record is therefore always one line.</para>
/// <para>Not thread-safe.</para>
/// </remarks>
internal sealed class CsvRecordReader : IDisposable
{
    /// <summary>The longest field read; a longer one (usually a quote never closed) makes its record malformed.</summary>
    public const int MaxFieldLength = 1 << 20;

    private readonly CheckedTextReader reader;
    private readonly CsvConfiguration configuration;
    private readonly char delimiter;
    private CsvParser parser;
    private bool badQuoting;
    private long parserStart;
    private long lineBase;
    private int lastRawRow;
    private long recordStart;

    public CsvRecordReader(CheckedTextReader reader, char delimiter)
    {
        this.reader = reader;
        this.delimiter = delimiter;
        configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
            AllowComments = false,
            BadDataFound = _ => badQuoting = true,
            MissingFieldFound = null,
            MaxFieldSize = MaxFieldLength,
            BufferSize = 1 << 16,
        };
        parser = new CsvParser(reader, configuration, leaveOpen: true);
    }

    /// <summary>Reads the next record.</summary>
    /// <returns>False at the end of the input.</returns>
    public bool Read(out InputRecord record)
    {
        badQuoting = false;
        var tooLong = false;
        string[]? fields = null;
        try
        {
            if (!parser.Read())
            {
                record = default;
                return false;
            }

            // CsvHelper processes the fields (and calls BadDataFound) only when they are read.
            fields = parser.Record;
        }
        catch (MaxFieldSizeException)
        {
            tooLong = true;
        }

        var line = lineBase + lastRawRow + 1;
        var unclosed = false;
        var acrossLines = false;
        string[]? lenient = null;
        if (badQuoting && !tooLong)
        {
            var raw = TrimLineBreak(parser.RawRecord);
            lenient = SplitLenient(raw, delimiter, out unclosed);
            acrossLines = raw.IndexOfAny('\r', '\n') >= 0;
        }

        if (tooLong || unclosed || acrossLines)
        {
            // A malformed record never runs over several lines: it is cut at the end of its first line, and reading
            // starts over on the next one.
            var (text, next) = reader.LineAt(recordStart);
            var problems = new List<string>
            {
                tooLong ? $"a field is longer than {MaxFieldLength} characters (a quote that is never closed?); the record is read to the end of its line"
                : unclosed ? "a quoted field is never closed; the record is read to the end of its line"
                : "bad quoting: a quoted field that runs onto the next line has text after its closing quote; the record is read to the end of its first line",
            };
            AddInvalidBytes(problems, line, next);
            record = new InputRecord(line, SplitLenient(text, delimiter, out _), string.Join("; ", problems));
            reader.Rewind(next);
            reader.Release(next);
            parser.Dispose();
            parser = new CsvParser(reader, configuration, leaveOpen: true);
            parserStart = next;
            recordStart = next;
            lineBase = line;
            lastRawRow = 0;
            return true;
        }

        var recordEnd = parserStart + parser.CharCount;
        var found = new List<string>(0);
        if (lenient is not null)
        {
            found.Add("bad quoting: a quote inside a field that does not begin with one, or text after a closing quote; the fields are kept as written");
        }

        AddInvalidBytes(found, line, recordEnd);
        record = new InputRecord(line, lenient ?? fields ?? [string.Empty], found.Count == 0 ? null : string.Join("; ", found));
        lastRawRow = parser.RawRow;
        recordStart = recordEnd;
        reader.Release(recordEnd);
        return true;
    }

    public void Dispose() => parser.Dispose();

    /// <summary>Splits one record's text into fields without repairing anything: a well-formed quoted field is
    /// unquoted; a malformed one keeps every character as written, up to the next delimiter; a quoted field that is never
    /// closed runs to the end of the text.</summary>
    /// <param name="text">The record without its final line break.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="unclosed">Whether a quoted field is never closed.</param>
    /// <returns>The fields; at least one.</returns>
    internal static string[] SplitLenient(ReadOnlySpan<char> text, char delimiter, out bool unclosed)
    {
        unclosed = false;
        var fields = new List<string>();
        var value = new StringBuilder();
        var i = 0;
        while (true)
        {
            var start = i;
            string field;
            if (i < text.Length && text[i] == '"')
            {
                value.Clear();
                var j = i + 1;
                var closed = false;
                while (j < text.Length)
                {
                    if (text[j] == '"')
                    {
                        if (j + 1 < text.Length && text[j + 1] == '"')
                        {
                            value.Append('"');
                            j += 2;
                            continue;
                        }

                        closed = true;
                        j++;
                        break;
                    }

                    value.Append(text[j++]);
                }

                if (closed && (j == text.Length || text[j] == delimiter))
                {
                    field = value.ToString();
                    i = j;
                }
                else
                {
                    unclosed |= !closed;
                    var stop = closed ? text[j..].IndexOf(delimiter) : -1;
                    i = stop < 0 ? text.Length : j + stop;
                    field = text[start..i].ToString();
                }
            }
            else
            {
                var stop = text[i..].IndexOf(delimiter);
                i = stop < 0 ? text.Length : i + stop;
                field = text[start..i].ToString();
            }

            fields.Add(field);
            if (i >= text.Length)
            {
                return [.. fields];
            }

            i++;
        }
    }

    private static ReadOnlySpan<char> TrimLineBreak(string raw) =>
        raw.EndsWith("\r\n", StringComparison.Ordinal) ? raw.AsSpan(0, raw.Length - 2)
        : raw.EndsWith('\n') || raw.EndsWith('\r') ? raw.AsSpan(0, raw.Length - 1)
        : raw.AsSpan();

    private void AddInvalidBytes(List<string> problems, long line, long before)
    {
        if (reader.TakeInvalidBefore(before) is { } invalidLine)
        {
            var where = invalidLine == line ? string.Empty : $" on line {invalidLine.ToString(CultureInfo.InvariantCulture)}";
            problems.Add($"bytes that are not valid {reader.Encoding.Name}{where} (written as U+FFFD)");
        }
    }
}
