using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Spectre.Console;

namespace Gazetteer.Cli.Validation;

/// <summary>The options of one <c>validate</c> run, checked.</summary>
internal sealed record ValidateSettings
{
    /// <summary>Gets the input path, or <c>-</c> for standard input.</summary>
    public required string Input { get; init; }

    public string? Output { get; init; }

    public string? Report { get; init; }

    /// <summary>Gets <c>--column</c> as given: a header name, or (with <see cref="ColumnIndex"/>) a position.</summary>
    public required string Column { get; init; }

    /// <summary>Gets the 1-based column position with <c>--no-header</c>; null when the input has a header.</summary>
    public int? ColumnIndex { get; init; }

    public required char Delimiter { get; init; }

    public required InputEncoding Encoding { get; init; }

    public required int Candidates { get; init; }

    public required bool Strict { get; init; }

    public required SearchOptions Search { get; init; }

    public bool HasHeader => ColumnIndex is null;

    public bool FromStandardInput => Input == "-";

    /// <summary>Gets the input as named in messages.</summary>
    public string InputName => FromStandardInput ? "standard input" : $"'{Input}'";
}

/// <summary>Runs <c>validate</c>: streams the input through <see cref="CsvRecordReader"/>, resolves the column with a
/// <see cref="PlaceResolver"/>, writes each row with the appended columns as it goes, and reports.</summary>
/// <remarks>With <c>--strict</c> the input is read twice: a first pass finds malformed records (standard input is
/// copied to a temporary file for that, deleted when done), and only when there is none does the second pass write.</remarks>
internal static class CsvValidator
{
    private const int FlushEvery = 1000;

    /// <summary>Rows read ahead, whose values are searched in parallel.</summary>
    private const int BatchSize = 512;

    public static int Run(CliConsole console, PlaceCatalog catalog, ValidateSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        CheckPaths(settings);
        using var input = OpenInput(console, settings);
        var showProgress = !console.IsErrorRedirected && (settings.Output is not null || console.IsOutputRedirected);
        var (report, resolver) = WithProgress(console, showProgress, progress =>
        {
            try
            {
                return Validate(console, catalog, settings, input, progress);
            }
            catch (IOException e)
            {
                throw new UserErrorException($"reading {settings.InputName} or writing the output failed: {e.Message}", ExitCodes.DataError);
            }
        });

        report.ExitCode = report.Completed ? report.ExitCodeForCounts() : ExitCodes.DataError;
        report.Elapsed = stopwatch.Elapsed;
        report.WriteSummary(console.Error, resolver);
        if (settings.Report is not null)
        {
            WriteReport(settings.Report, report, resolver);
        }

        if (!report.Completed)
        {
            console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"error: {settings.InputName} has {report.MalformedCount} malformed record(s) (first on line {report.Malformed[0].Line}); with --strict nothing is written."));
        }

        return report.ExitCode;
    }

    /// <summary>The passes: with --strict a check that stops at malformed records, then the pass that writes.</summary>
    private static (ValidationReport Report, PlaceResolver? Resolver) Validate(
        CliConsole console,
        PlaceCatalog catalog,
        ValidateSettings settings,
        InputSource input,
        Progress progress)
    {
        if (settings.Strict)
        {
            var check = NewReport(catalog, settings);
            progress.Stage("checking", input.Length);
            Pass(input.Open(), input.OwnsStreams, settings, check, null, null, progress);
            if (check.MalformedCount > 0)
            {
                return (check, null);
            }
        }

        var done = NewReport(catalog, settings);
        var resolver = new PlaceResolver(catalog, settings.Search, settings.Candidates);
        progress.Stage("validating", input.Length);
        Pass(input.Open(), input.OwnsStreams, settings, done, resolver, () => OpenOutput(console, settings), progress);
        done.Completed = true;
        return (done, resolver);
    }

    private static ValidationReport NewReport(PlaceCatalog catalog, ValidateSettings settings) => new()
    {
        Input = settings.FromStandardInput ? "-" : settings.Input,
        Output = settings.Output ?? "-",
        Column = settings.Column,
        DataVersion = catalog.DataVersion,
        Strict = settings.Strict,
    };

    /// <summary>Reads the input once: checks the header, then every record; with a resolver and an output, resolves and
    /// writes each row.</summary>
    private static void Pass(
        Stream stream,
        bool ownsStream,
        ValidateSettings settings,
        ValidationReport report,
        PlaceResolver? resolver,
        Func<(TextWriter Writer, bool Owned)>? openOutput,
        Progress progress)
    {
        using var reader = new CheckedTextReader(stream, settings.Encoding, leaveOpen: !ownsStream);
        using var records = new CsvRecordReader(reader, settings.Delimiter);
        report.Encoding = reader.Encoding.Name + (reader.HadByteOrderMark ? " (byte order mark)" : string.Empty);
        if (!records.Read(out var first))
        {
            throw new UserErrorException(
                $"{settings.InputName} line 1: the input is empty. Expected {(settings.HasHeader ? "a header line naming the columns" : "at least one record")}.",
                ExitCodes.DataError);
        }

        var (column, width) = settings.HasHeader ? ReadHeader(settings, first) : (settings.ColumnIndex!.Value - 1, first.Fields.Length);
        if (!settings.HasHeader && column >= width)
        {
            throw new UserErrorException(string.Create(
                CultureInfo.InvariantCulture,
                $"--column {column + 1}: {settings.InputName} line {first.Line} has only {width} field(s)."));
        }

        var widthSource = settings.HasHeader ? "as in the header" : "as on line 1";
        var (writer, owned) = openOutput is null ? (null, false) : openOutput();
        using var ownedWriter = owned ? writer : null;
        var csv = writer is null ? null : new CsvOutput(writer, settings.Delimiter);
        if (csv is not null && settings.HasHeader)
        {
            WriteRow(csv, first.Fields, width, Resolution.Encode(PlaceResolver.Columns, settings.Delimiter));
        }

        // Rows go in batches. One thread reads and parses the input ahead (a few batches at most); this one searches the
        // values each batch needs on every core, then checks, resolves and writes its rows one by one, in order.
        // Memory stays bounded by the batches in flight.
        var values = new List<string>(BatchSize);
        var keys = new string[BatchSize];
        var nextKey = 0;
        using var stop = new CancellationTokenSource();
        using var ready = new BlockingCollection<List<InputRecord>>(boundedCapacity: 4);
        var reading = Task.Run(() => ReadBatches(records, settings.HasHeader ? null : first, ready, stop.Token));
        try
        {
            foreach (var batch in ready.GetConsumingEnumerable(stop.Token))
            {
                values.Clear();
                foreach (var record in batch)
                {
                    if (record.Problem is null && record.Fields.Length == width)
                    {
                        values.Add(record.Fields[column]);
                    }
                }

                resolver?.Prefetch(values, keys);
                nextKey = 0;
                foreach (var record in batch)
                {
                    WriteRecord(record);
                }
            }

            reading.GetAwaiter().GetResult(); // an error of the reading thread surfaces here
        }
        catch
        {
            stop.Cancel();
            throw;
        }

        void WriteRecord(InputRecord record)
        {
            report.RowsIn++;
            var problem = record.Problem
                ?? (record.Fields.Length == width ? null : string.Create(CultureInfo.InvariantCulture, $"{record.Fields.Length} field(s), expected {width} ({widthSource})"));
            Resolution? resolution = null;
            if (problem is not null)
            {
                report.AddMalformed(record.Line, problem);
                resolution = PlaceResolver.Malformed;
            }
            else if (resolver is not null)
            {
                resolution = resolver.Resolve(record.Fields[column], keys[nextKey++]);
                report.Add(resolution.Status);
            }

            if (csv is not null)
            {
                WriteRow(csv, record.Fields, width, resolution!.Encoded(settings.Delimiter));
                report.RowsOut++;
                if (report.RowsOut % FlushEvery == 0)
                {
                    csv.Flush();
                }
            }

            if (report.RowsIn % FlushEvery == 0)
            {
                progress.Report(reader.BytesRead);
            }
        }

        csv?.Flush();
        writer?.Flush();
        progress.Report(reader.BytesRead);
    }

    /// <summary>Reads the records after the header into batches for <see cref="Pass"/>, until the input ends or the pass
    /// stops.</summary>
    private static void ReadBatches(CsvRecordReader records, InputRecord? first, BlockingCollection<List<InputRecord>> ready, CancellationToken stop)
    {
        try
        {
            var batch = new List<InputRecord>(BatchSize);
            if (first is { } record)
            {
                batch.Add(record);
            }

            while (!stop.IsCancellationRequested && records.Read(out var next))
            {
                batch.Add(next);
                if (batch.Count == BatchSize)
                {
                    ready.Add(batch, stop);
                    batch = new List<InputRecord>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                ready.Add(batch, stop);
            }
        }
        finally
        {
            ready.CompleteAdding();
        }
    }

    /// <summary>Checks the header and finds the column.</summary>
    /// <returns>The 0-based index of the column and the number of fields.</returns>
    private static (int Column, int Width) ReadHeader(ValidateSettings settings, InputRecord header)
    {
        if (header.Problem is not null)
        {
            throw new UserErrorException($"{settings.InputName} line {header.Line}: the header is malformed: {header.Problem}.", ExitCodes.DataError);
        }

        if (header.Fields is [""])
        {
            throw new UserErrorException($"{settings.InputName} line {header.Line}: the header line is blank. Expected the column names.", ExitCodes.DataError);
        }

        var index = Array.IndexOf(header.Fields, settings.Column);
        if (index >= 0)
        {
            return (index, header.Fields.Length);
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"--column: {settings.InputName} has no column '{settings.Column}'. Available columns: ")
            .AppendJoin(", ", header.Fields.Select(f => $"'{f}'"))
            .Append('.');
        if (header.Fields.Length == 1 && header.Fields[0].IndexOfAny([';', '\t', ',', '|']) is var at and >= 0)
        {
            var hint = header.Fields[0][at] == '\t' ? "\\t" : header.Fields[0][at].ToString();
            message.Append(CultureInfo.InvariantCulture, $" The header has one column containing '{hint}': try --delimiter '{hint}'.");
        }

        throw new UserErrorException(message.ToString());
    }

    /// <summary>Writes a record: its fields, padding to the header's width, and the appended cells already encoded.</summary>
    private static void WriteRow(CsvOutput csv, string[] fields, int width, string encodedAppended)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        // A short row is padded so that the appended columns stay under their header; a long row keeps every field.
        for (var i = fields.Length; i < width; i++)
        {
            csv.WriteField(string.Empty);
        }

        csv.WriteEncoded(encodedAppended);
        csv.NextRecord();
    }

    /// <summary>RFC 4180 with LF line ends; a field is quoted when it holds the quote, the delimiter, CR or LF, or
    /// begins or ends with a space. (CsvHelper's own rule looks only for the configured new line, so it would write a
    /// lone CR unquoted and lose it on reading.) No injection escaping here: original fields are written unchanged and
    /// the appended cells are guarded by <see cref="CsvCells.Guard"/>.</summary>
    internal static CsvConfiguration OutputConfiguration(char delimiter) => new(CultureInfo.InvariantCulture)
    {
        Mode = CsvMode.RFC4180,
        Delimiter = delimiter.ToString(),
        NewLine = "\n",
        InjectionOptions = InjectionOptions.None,
        ShouldQuote = args => NeedsQuotes(args.Field, delimiter),
    };

    /// <summary>Whether the output quotes a field: one with a quote, the delimiter or a line break, or a space at either end.</summary>
    internal static bool NeedsQuotes(string? field, char delimiter) =>
        field is { Length: > 0 }
        && (field.AsSpan().IndexOfAny(['"', delimiter, '\r', '\n']) >= 0 || field[0] == ' ' || field[^1] == ' ');

    private static void CheckPaths(ValidateSettings settings)
    {
        if (!settings.FromStandardInput && !File.Exists(settings.Input))
        {
            throw new UserErrorException(Directory.Exists(settings.Input)
                ? $"'{settings.Input}' is a folder. Expected a CSV file, or '-' for standard input."
                : $"'{settings.Input}' does not exist. Expected a CSV file, or '-' for standard input.");
        }

        foreach (var (option, path) in new[] { ("--output", settings.Output), ("--report", settings.Report) })
        {
            if (path is null)
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                throw new UserErrorException($"{option}: '{path}' is a folder. Expected a file name.");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UserErrorException($"{option}: folder '{folder}' does not exist.");
            }

            if (!settings.FromStandardInput && string.Equals(Path.GetFullPath(path), Path.GetFullPath(settings.Input), StringComparison.Ordinal))
            {
                throw new UserErrorException($"{option}: '{path}' is the input file; writing it would destroy the input.");
            }
        }

        if (settings.Output is not null && settings.Report is not null
            && string.Equals(Path.GetFullPath(settings.Output), Path.GetFullPath(settings.Report), StringComparison.Ordinal))
        {
            throw new UserErrorException("--report: it is the same file as --output.");
        }
    }

    private static InputSource OpenInput(CliConsole console, ValidateSettings settings)
    {
        if (!settings.FromStandardInput)
        {
            return new InputSource(settings.Input, null);
        }

        if (!settings.Strict)
        {
            return new InputSource(null, console.OpenInputStream());
        }

        // --strict reads twice; standard input can be read once, so it is copied to a file that is deleted on close.
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var stdin = console.OpenInputStream())
        {
            stdin.CopyTo(spool);
        }

        return new InputSource(null, spool);
    }

    /// <summary>Opens the output: the file of <c>--output</c> (owned: closed after the pass) or standard output (not).</summary>
    private static (TextWriter Writer, bool Owned) OpenOutput(CliConsole console, ValidateSettings settings)
    {
        if (settings.Output is null)
        {
            return (console.Out, false);
        }

        try
        {
            return (new StreamWriter(settings.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { NewLine = "\n" }, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--output: cannot write '{settings.Output}': {e.Message}", e);
        }
    }

    private static void WriteReport(string path, ValidationReport report, PlaceResolver? resolver)
    {
        try
        {
            using var file = File.Create(path);
            report.WriteJson(file, resolver);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--report: cannot write '{path}': {e.Message}", e);
        }
    }

    private static T WithProgress<T>(CliConsole console, bool show, Func<Progress, T> work)
    {
        if (!show)
        {
            return work(Progress.None);
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        return ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new Progress(context)));
    }

    /// <summary>The input, opened once per pass: a file is opened again; standard input (spooled for --strict) is
    /// rewound.</summary>
    private sealed class InputSource(string? path, Stream? stream) : IDisposable
    {
        /// <summary>Gets a value indicating whether each pass's stream is its own (a file opened again) and is closed
        /// after the pass; otherwise the source holds the one stream and closes it.</summary>
        public bool OwnsStreams => path is not null;

        /// <summary>Gets the length in bytes, when known (for the progress bar).</summary>
        public long? Length => path is not null ? new FileInfo(path).Length : stream is { CanSeek: true } ? stream.Length : null;

        public Stream Open()
        {
            if (path is null)
            {
                if (stream!.CanSeek)
                {
                    stream.Position = 0;
                }

                return stream;
            }

            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException($"cannot read '{path}': {e.Message}", e);
            }
        }

        public void Dispose() => stream?.Dispose();
    }

    /// <summary>Progress on standard error (Spectre.Console), or nothing.</summary>
    private sealed class Progress(ProgressContext? context)
    {
        public static readonly Progress None = new(null);

        private ProgressTask? task;

        public void Stage(string description, long? total)
        {
            if (context is null)
            {
                return;
            }

            task?.StopTask();
            task = context.AddTask(description, maxValue: total is > 0 ? total.Value : 1);
            task.IsIndeterminate = total is null;
        }

        public void Report(long bytes)
        {
            if (task is { IsIndeterminate: false })
            {
                task.Value = Math.Min(bytes, task.MaxValue);
            }
        }
    }
}

/// <summary>Writes validate's output: RFC 4180 records with the configured delimiter and LF line ends, a field quoted
/// exactly when <see cref="CsvValidator.NeedsQuotes"/> says so (as <see cref="CsvValidator.OutputConfiguration"/> tells
/// CsvHelper), straight to the text writer. A property test holds it to CsvHelper's output.</summary>
internal sealed class CsvOutput(TextWriter writer, char delimiter)
{
    private bool firstInRecord = true;

    public void WriteField(string field)
    {
        Separate();
        if (CsvValidator.NeedsQuotes(field, delimiter))
        {
            writer.Write('"');
            writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(field);
        }
    }

    /// <summary>Writes cells already encoded (quoted and joined by the delimiter) as the next fields.</summary>
    public void WriteEncoded(string cells)
    {
        Separate();
        writer.Write(cells);
    }

    public void NextRecord()
    {
        writer.Write('\n');
        firstInRecord = true;
    }

    public void Flush() => writer.Flush();

    private void Separate()
    {
        if (!firstInRecord)
        {
            writer.Write(delimiter);
        }

        firstInRecord = false;
    }
}
