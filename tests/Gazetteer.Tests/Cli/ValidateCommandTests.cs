using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Cli;
using Gazetteer.Cli.Validation;
using Xunit;

namespace Gazetteer.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Validate");

    private static readonly string InjectionData = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cli", "csv-injection");

    private static readonly string[] Appended = PlaceResolver.Columns;

    private readonly string temp = Directory.CreateTempSubdirectory("gazetteer-validate-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    // ---- the ordinary case ------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_MixedFixture_AppendsTheColumnsWithOneStatusPerRow()
    {
        var (exit, output, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place");

        Assert.Equal(1, exit);
        var rows = ReadCsv(output);
        Assert.Equal(["id", "place", "note", .. Appended], rows[0]);
        var byId = rows.Skip(1).ToDictionary(r => r[0], r => Cells(rows[0], r));
        Assert.Equal(10, byId.Count);
        AssertRow(byId["1"], "resolved", "654221", "额敏县", "Emin County");
        Assert.Equal("دۆربىلجىن ناھىيىسى", byId["1"]["gazetteer_name_ug"]);
        Assert.Equal("Dorbiljin (de)", byId["1"]["gazetteer_matched"]);
        Assert.Empty(byId["1"]["gazetteer_candidates"]);
        AssertRow(byId["2"], "resolved", "654221", "额敏县", "Emin County");
        Assert.Equal("1", byId["2"]["gazetteer_score"]);
        AssertRow(byId["3"], "resolved", "654221", "额敏县", "Emin County");
        AssertRow(byId["4"], "ambiguous", string.Empty, string.Empty, string.Empty);
        Assert.Equal("653201|653200|653221", byId["4"]["gazetteer_candidates"]);
        AssertRow(byId["5"], "historical", "654223", "沙湾县", "Shawan County");
        Assert.Equal("654203", byId["5"]["gazetteer_candidates"]);
        AssertRow(byId["6"], "resolved", "654221", "额敏县", "Emin County");
        Assert.StartsWith("654221", byId["6"]["gazetteer_candidates"], StringComparison.Ordinal);
        Assert.Equal("Dörbiljin (en)", byId["6"]["gazetteer_matched"]);
        AssertRow(byId["7"], "unresolved", string.Empty, string.Empty, string.Empty);
        AssertRow(byId["8"], "empty", string.Empty, string.Empty, string.Empty);
        Assert.Equal("note with a \"quote\" and a\nline break", byId["9"]["note"]);
        AssertRow(byId["9"], "resolved", "650100", "乌鲁木齐市", "Ürümqi");
        Assert.Equal("=SUM(1+1)", byId["10"]["note"]);
        Assert.Contains("validate: 10 rows in, 10 rows out", error, StringComparison.Ordinal);
        Assert.Contains("resolved 6, ambiguous 1, historical 1, unresolved 1, empty 1, malformed 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OriginalFieldsOfTheFixture_AreWrittenUnchangedInOrder()
    {
        var (_, output, _) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place");

        var input = ReadCsv(File.ReadAllText(Fixture("places.csv")));
        var rows = ReadCsv(output);
        Assert.Equal(input.Count, rows.Count);
        for (var i = 0; i < input.Count; i++)
        {
            Assert.Equal(input[i], rows[i][..input[i].Length]);
            Assert.Equal(input[i].Length + Appended.Length, rows[i].Length);
        }
    }

    [Fact]
    public void Validate_EveryRowResolvedHistoricalOrEmpty_ExitsZero()
    {
        var (exit, output, error) = CliRunner.RunWithInput("place\nKashgar\n\n沙湾县\n额敏县\n", "validate", "-", "--column", "place");

        Assert.Equal(0, exit);
        Assert.Equal(["resolved", "empty", "historical", "resolved"], ReadCsv(output).Skip(1).Select(r => r[2]));
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("place\nHotan\n", "ambiguous")]
    [InlineData("place\nAtlantis\n", "unresolved")]
    public void Validate_AnAmbiguousOrUnresolvedRow_ExitsOne(string input, string status)
    {
        var (exit, output, _) = CliRunner.RunWithInput(input, "validate", "-", "--column", "place");

        Assert.Equal(1, exit);
        Assert.Equal(status, ReadCsv(output)[1][2]);
    }

    [Fact]
    public void Validate_HeaderOnly_WritesTheHeaderAndExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("validate", Fixture("header-only.csv"), "--column", "place");

        Assert.Equal(0, exit);
        Assert.Equal([["id", "place", "note", .. Appended]], ReadCsv(output));
    }

    [Fact]
    public void Validate_RepeatedValues_AreResolvedOnceAndCountedInTheReport()
    {
        var input = "place\n" + string.Concat(Enumerable.Repeat("Hotan\nHOTAN \nKashgar\n", 40));
        var report = Path.Combine(temp, "report.json");

        var (exit, output, _) = CliRunner.RunWithInput(input, "validate", "-", "--column", "place", "--report", report);

        Assert.Equal(1, exit);
        Assert.Equal(121, ReadCsv(output).Count);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var ambiguous = Assert.Single(json.RootElement.GetProperty("ambiguous").EnumerateArray());
        Assert.Equal("Hotan", ambiguous.GetProperty("value").GetString());
        Assert.Equal(80, ambiguous.GetProperty("count").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("cache").GetProperty("distinct_values").GetInt32());
    }

    // ---- round trip: any CSV in, the same rows and fields out -------------------------------------------------------

    [Property(MaxTest = 300)]
    public Property Validate_AnyWellFormedCsv_KeepsEveryRowAndEveryOriginalField() =>
        Prop.ForAll(Tables().ToArbitrary(), table =>
        {
            var (exit, output, error) = CliRunner.RunWithBytes(table.Bytes(), "validate", "-", "--column", "place", "--delimiter", table.Delimiter.ToString());
            var rows = ReadCsv(output, table.Delimiter);
            var same = exit is 0 or 1
                && !error.Contains("malformed records", StringComparison.Ordinal)
                && rows.Count == table.Rows.Count
                && rows.Zip(table.Rows).All(pair => pair.First.Length == pair.Second.Length + Appended.Length && pair.First.AsSpan(0, pair.Second.Length).SequenceEqual(pair.Second))
                && rows.Skip(1).All(r => r[^Appended.Length..].All(IsSafeCell) && r[^7] != "malformed");
            return same
                .Label($"exit {exit}; {rows.Count} rows out of {table.Rows.Count}; stderr: {error}")
                .Classify(table.Rows.Skip(1).Any(r => r.Any(f => f.Contains('\n') || f.Contains('\r'))), "line breaks in fields")
                .Classify(table.Rows.Skip(1).Any(r => r.Any(f => f.Contains('"'))), "quotes in fields")
                .Classify(table.QuoteAll, "every field quoted")
                .Classify(table.LineEnd == "\r\n", "CRLF")
                .Classify(table.Delimiter != ',', "delimiter other than comma")
                .Classify(table.Rows.Count == 1, "header only");
        });

    [Property(MaxTest = 100)]
    public Property Validate_AnyWellFormedCsv_StrictWritesTheSameOutput() =>
        Prop.ForAll(Tables().ToArbitrary(), table =>
        {
            var bytes = table.Bytes();
            var plain = CliRunner.RunWithBytes(bytes, "validate", "-", "--column", "place", "--delimiter", table.Delimiter.ToString());
            var strict = CliRunner.RunWithBytes(bytes, "validate", "-", "--column", "place", "--delimiter", table.Delimiter.ToString(), "--strict");
            return (plain.Out == strict.Out && plain.ExitCode == strict.ExitCode).Label($"plain {plain.ExitCode}, strict {strict.ExitCode}: {strict.Error}");
        });

    [Property(MaxTest = 300)]
    public Property Validate_AnyBytes_WritesOneParseableRowPerRecordAndStrictAgrees() =>
        Prop.ForAll(Garbage().ToArbitrary(), bytes =>
        {
            var plain = CliRunner.RunWithBytes(bytes, "validate", "-", "--column", "place");
            var strict = CliRunner.RunWithBytes(bytes, "validate", "-", "--column", "place", "--strict");
            var match = System.Text.RegularExpressions.Regex.Match(plain.Error, @"validate: (\d+) rows in, (\d+) rows out");
            var malformed = plain.Error.Contains("malformed records:", StringComparison.Ordinal);
            if (plain.ExitCode is 2 or 3)
            {
                // No header with a column 'place', or an unusable header: nothing written, in both modes.
                return (plain.Out.Length == 0 && strict.Out.Length == 0 && strict.ExitCode == plain.ExitCode).Label($"usage/data error: {plain.Error} | {strict.Error}");
            }

            var rows = ReadCsv(plain.Out);
            var width = rows[0].Length;
            return (match.Success
                    && match.Groups[1].Value == match.Groups[2].Value
                    && rows.Count - 1 == int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                    && rows.All(r => r.Length >= width)
                    && rows.Skip(1).All(r => r[^Appended.Length..].All(IsSafeCell))
                    && (malformed ? strict.ExitCode == 3 && strict.Out.Length == 0 : strict.ExitCode == plain.ExitCode && strict.Out == plain.Out))
                .Label($"exit {plain.ExitCode}/{strict.ExitCode}; {plain.Error}")
                .Classify(malformed, "malformed records")
                .Classify(plain.Error.Contains("never closed", StringComparison.Ordinal), "quote never closed")
                .Classify(plain.Error.Contains("not valid UTF-8", StringComparison.Ordinal), "invalid UTF-8");
        });

    // ---- malformed input: passes through by default, fails with --strict --------------------------------------------

    [Theory]
    [InlineData("unterminated-quote.csv", 4, new long[] { 3 }, "quoted field is never closed")]
    [InlineData("ragged.csv", 4, new long[] { 3, 4 }, "field(s), expected 3")]
    [InlineData("bad-quoting.csv", 4, new long[] { 3, 4 }, "bad quoting")]
    [InlineData("stray-quotes.csv", 4, new long[] { 3, 4 }, "runs onto the next line")]
    [InlineData("invalid-utf8.csv", 4, new long[] { 3, 4 }, "not valid UTF-8")]
    [InlineData("crlf.csv", 3, new long[] { 6 }, "4 field(s), expected 3")]
    public void Validate_MalformedRecords_PassThroughMarkedWithTheirLinesInTheReport(string file, int rowsIn, long[] lines, string problem)
    {
        var report = Path.Combine(temp, "report.json");

        var (exit, output, error) = CliRunner.Run("validate", Fixture(file), "--column", "place", "--report", report);

        Assert.Equal(1, exit);
        var rows = ReadCsv(output);
        Assert.Equal(rowsIn, rows.Count - 1);
        Assert.Equal(lines.Length, rows.Count(r => r[^7] == "malformed"));
        Assert.All(rows.Where(r => r[^7] == "malformed"), r => Assert.All(r[^Appended.Length..].Where((_, i) => i != 1), cell => Assert.Equal(string.Empty, cell)));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var malformed = json.RootElement.GetProperty("malformed").EnumerateArray().ToList();
        Assert.Equal(lines, malformed.Select(m => m.GetProperty("line").GetInt64()));
        Assert.Contains(malformed, m => m.GetProperty("problem").GetString()!.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(lines.Length, json.RootElement.GetProperty("counts").GetProperty("malformed").GetInt32());
        Assert.Equal(rows.Count - 1, json.RootElement.GetProperty("rows").GetProperty("input").GetInt32());
        Assert.Equal(rows.Count - 1, json.RootElement.GetProperty("rows").GetProperty("output").GetInt32());
        foreach (var line in lines)
        {
            Assert.Contains($"line {line}: ", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unterminated-quote.csv", 3)]
    [InlineData("ragged.csv", 3)]
    [InlineData("bad-quoting.csv", 3)]
    [InlineData("stray-quotes.csv", 3)]
    [InlineData("invalid-utf8.csv", 3)]
    [InlineData("crlf.csv", 6)]
    public void Validate_Strict_MalformedInput_ExitsThreeAndWritesNothing(string file, long firstLine)
    {
        var output = Path.Combine(temp, "out.csv");
        var report = Path.Combine(temp, "report.json");

        var (exit, stdout, error) = CliRunner.Run("validate", Fixture(file), "--column", "place", "--strict", "--report", report);
        var (exitToFile, _, _) = CliRunner.Run("validate", Fixture(file), "--column", "place", "--strict", "--output", output);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains($"error: '{Fixture(file)}' has ", error, StringComparison.Ordinal);
        Assert.Contains($"(first on line {firstLine})", error, StringComparison.Ordinal);
        Assert.Equal(3, exitToFile);
        Assert.False(File.Exists(output));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.False(json.RootElement.GetProperty("completed").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("rows").GetProperty("output").GetInt32());
        Assert.Equal(firstLine, json.RootElement.GetProperty("malformed")[0].GetProperty("line").GetInt64());
    }

    [Fact]
    public void Validate_UnterminatedQuote_CutsTheRecordAtItsLineAndReadsOn()
    {
        var (_, output, _) = CliRunner.Run("validate", Fixture("unterminated-quote.csv"), "--column", "place");

        var rows = ReadCsv(output);
        Assert.Equal(["2", "\"Hotan,never closed", "", "", "malformed"], rows[2][..5]);
        Assert.Equal(["3", "Urumqi", "ok", "650100", "resolved"], rows[3][..5]);
        Assert.Equal(["4", "Ghulja", "ok", "", "ambiguous"], rows[4][..5]);
    }

    [Fact]
    public void Validate_StrayQuotes_EachMalformedRecordIsOneLine()
    {
        var (_, output, _) = CliRunner.Run("validate", Fixture("stray-quotes.csv"), "--column", "place");

        var rows = ReadCsv(output);
        Assert.Equal(["2", "\"Hotan,stray quote", "", "", "malformed"], rows[2][..5]);
        Assert.Equal(["3", "Urumqi", "\"another", "", "malformed"], rows[3][..5]);
        Assert.Equal(["4", "Hami", "ok", "650500", "resolved"], rows[4][..5]);
    }

    [Fact]
    public void Validate_BadQuoting_KeepsTheFieldsAsWritten()
    {
        var (_, output, _) = CliRunner.Run("validate", Fixture("bad-quoting.csv"), "--column", "place");

        var rows = ReadCsv(output);
        Assert.Equal("\"Urumqi\"x", rows[2][1]);
        Assert.Equal("Ak\"su", rows[3][1]);
    }

    [Fact]
    public void Validate_RaggedRows_ShortOnesArePaddedLongOnesKeepEveryField()
    {
        var (_, output, _) = CliRunner.Run("validate", Fixture("ragged.csv"), "--column", "place");

        var rows = ReadCsv(output);
        Assert.Equal(["2", "Urumqi", "one", "too many", "", "malformed"], rows[2][..6]);
        Assert.Equal(4 + Appended.Length, rows[2].Length);
        Assert.Equal(["3", "Aksu", "", "", "malformed"], rows[3][..5]);
        Assert.Equal(3 + Appended.Length, rows[3].Length);
    }

    [Fact]
    public void Validate_InvalidUtf8_NamesTheExactLineAlsoInsideAMultiLineRecord()
    {
        var (_, output, error) = CliRunner.Run("validate", Fixture("invalid-utf8.csv"), "--column", "place");

        Assert.Contains("line 3: bytes that are not valid UTF-8 (written as U+FFFD)", error, StringComparison.Ordinal);
        Assert.Contains("line 4: bytes that are not valid UTF-8 on line 5 (written as U+FFFD)", error, StringComparison.Ordinal);
        Assert.Equal("Hot\uFFFDan", ReadCsv(output)[2][1]);
    }

    [Fact]
    public void Validate_FieldLongerThanTheLimit_IsMalformedAndTheNextLinesAreRead()
    {
        var huge = new string('x', CsvRecordReader.MaxFieldLength + 10);
        var input = $"id,place\n1,\"{huge}\n2,Kashgar\n3,{huge}\n4,Urumqi\n";

        var (exit, output, error) = CliRunner.RunWithInput(input, "validate", "-", "--column", "place");

        Assert.Equal(1, exit);
        var rows = ReadCsv(output);
        Assert.Equal(["1", "2", "3", "4"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["malformed", "resolved", "malformed", "resolved"], rows.Skip(1).Select(r => r[^7]));
        Assert.Equal("\"" + huge, rows[1][1]);
        Assert.Equal(huge, rows[3][1]);
        Assert.Contains("line 2: a field is longer than", error, StringComparison.Ordinal);
        Assert.Contains("line 4: a field is longer than", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_LargeInputAcrossBufferBoundaries_KeepsEveryRowAndNamesTheExactLines(bool utf16)
    {
        // Given 30,000 records in UTF-8 or UTF-16 (1.3 or 2.6 MB: many 64 KiB blocks of the reader and the parser) with multi-line quoted
        // fields, CR LF line ends, invalid bytes, ragged rows and two quotes never closed, each line number known.
        var names = new[] { "Kashgar", "Urumqi", "Hotan", "دۆربىلجىن", "沙湾县", "Atlantis", "Шихў" };
        var bytes = new MemoryStream();
        var expected = new List<long>();
        var notes = new List<string>();
        long line = 1;
        var encoding = utf16 ? new UnicodeEncoding(false, false) : (Encoding)new UTF8Encoding(false);
        void Write(string text) => bytes.Write(encoding.GetBytes(text));
        bytes.Write(utf16 ? [0xFF, 0xFE] : []);
        Write("id,place,note\r\n");
        line++;
        for (var i = 1; i <= 30_000; i++)
        {
            var note = i % 7 == 0 ? $"multi\r\nline {i}, \"quoted\"" : $"note {i}";
            notes.Add(i % 2999 == 0 ? $"\"{names[i % names.Length]},unclosed {i}" : note);
            if (i % 997 == 0)
            {
                Write($"{i},{names[i % names.Length]},bad ");
                bytes.Write(utf16 ? [0x00, 0xD8] : [0xC3, 0x28]); // a lone high surrogate; a lead byte without its continuation
                Write("\r\n");
                notes[^1] = utf16 ? "bad \uFFFD" : "bad \uFFFD(";
                expected.Add(line);
                line++;
            }
            else if (i % 1499 == 0)
            {
                Write($"{i},{names[i % names.Length]},note {i},extra\r\n");
                notes[^1] = $"note {i}";
                expected.Add(line);
                line++;
            }
            else if (i % 2999 == 0)
            {
                // A quote never closed: the quoted note of a later record would close it, joining the lines.
                Write($"{i},\"{names[i % names.Length]},unclosed {i}\r\n");
                expected.Add(line);
                line++;
            }
            else
            {
                Write($"{i},{names[i % names.Length]},\"{note.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\r\n");
                line += note.Count(c => c == '\n') + 1;
            }
        }

        var report = Path.Combine(temp, "report.json");

        // When it is validated
        var (exit, output, _) = CliRunner.RunWithBytes(bytes.ToArray(), "validate", "-", "--column", "place", "--report", report);

        // Then every record is there, in order, with its note; the malformed ones are named by their exact lines
        Assert.Equal(1, exit);
        var rows = ReadCsv(output);
        Assert.Equal(30_001, rows.Count);
        Assert.Equal(Enumerable.Range(1, 30_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        var malformedRows = rows.Skip(1).Where(r => r[^7] == "malformed").Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, 30_000).Where(i => i % 997 == 0 || i % 1499 == 0 || i % 2999 == 0), malformedRows);
        foreach (var row in rows.Skip(1))
        {
            var i = int.Parse(row[0], CultureInfo.InvariantCulture);
            Assert.Equal(notes[i - 1], i % 2999 == 0 ? row[1] : row[2]);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(expected, json.RootElement.GetProperty("malformed").EnumerateArray().Select(m => m.GetProperty("line").GetInt64()));

        // The reader's own line count (for invalid bytes) agrees with the parser's: no "on line N" for another line.
        var name = utf16 ? "UTF-16LE" : "UTF-8";
        var invalid = json.RootElement.GetProperty("malformed").EnumerateArray().Select(m => m.GetProperty("problem").GetString()!).Where(p => p.Contains(name, StringComparison.Ordinal)).ToList();
        Assert.Equal(30_000 / 997, invalid.Count);
        Assert.All(invalid, p => Assert.Equal($"bytes that are not valid {name} (written as U+FFFD)", p));
        Assert.Equal(30_000, json.RootElement.GetProperty("rows").GetProperty("output").GetInt32());
    }

    [Fact]
    public void Validate_EmptyFile_ExitsThreeWithLineOneInBothModes()
    {
        foreach (var strict in new[] { false, true })
        {
            string[] args = ["validate", Fixture("empty.csv"), "--column", "place", .. strict ? ["--strict"] : Array.Empty<string>()];

            var (exit, output, error) = CliRunner.Run(args);

            Assert.Equal(3, exit);
            Assert.Empty(output);
            Assert.Equal($"error: '{Fixture("empty.csv")}' line 1: the input is empty. Expected a header line naming the columns.\n", error);
        }
    }

    [Theory]
    [InlineData("\"a,b\nx,y\n", "line 1: the header is malformed")]
    [InlineData("\n\nx\n", "line 1: the header line is blank")]
    public void Validate_MalformedHeader_ExitsThree(string input, string message)
    {
        var (exit, output, error) = CliRunner.RunWithInput(input, "validate", "-", "--column", "place");

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingColumn_ExitsTwoListingTheAvailableColumns()
    {
        var (exit, output, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "Place");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal($"error: --column: '{Fixture("places.csv")}' has no column 'Place'. Available columns: 'id', 'place', 'note'.\n", error);
    }

    [Fact]
    public void Validate_MissingColumnInASemicolonFile_SuggestsTheDelimiter()
    {
        var (exit, _, error) = CliRunner.Run("validate", Fixture("semicolon.csv"), "--column", "place");

        Assert.Equal(2, exit);
        Assert.Contains("Available columns: 'id;place;note'. The header has one column containing ';': try --delimiter ';'.", error, StringComparison.Ordinal);
    }

    // ---- options ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_NoHeader_UsesTheOneBasedPositionAndWritesNoHeader()
    {
        var (exit, output, _) = CliRunner.Run("validate", Fixture("no-header.csv"), "--no-header", "--column", "1");

        Assert.Equal(1, exit);
        var rows = ReadCsv(output);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Kashgar", "1", "653101", "resolved"], rows[0][..4]);
        Assert.Equal(["Urumqi", "2", "650100", "resolved"], rows[1][..4]);
        Assert.Equal(["Atlantis", "3", "", "unresolved"], rows[2][..4]);
    }

    [Theory]
    [InlineData("3", "--column 3: '")]
    [InlineData("0", "--column: '0' is not a column position")]
    [InlineData("place", "--column: 'place' is not a column position")]
    public void Validate_NoHeader_BadPosition_ExitsTwo(string column, string message)
    {
        var (exit, output, error) = CliRunner.Run("validate", Fixture("no-header.csv"), "--no-header", "--column", column);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("semicolon.csv", ";", ';', "a; b")]
    [InlineData("tab.tsv", "\\t", '\t', "a\tb")]
    [InlineData("tab.tsv", "\t", '\t', "a\tb")]
    [InlineData("tab.tsv", "tab", '\t', "a\tb")]
    public void Validate_Delimiter_ReadsAndWritesWithIt(string file, string option, char delimiter, string quoted)
    {
        var (exit, output, _) = CliRunner.Run("validate", Fixture(file), "--column", "place", "--delimiter", option);

        Assert.Equal(0, exit);
        var rows = ReadCsv(output, delimiter);
        Assert.Equal(["id", "place", "note", .. Appended], rows[0]);
        Assert.Equal(["1", "Kashgar", quoted, "653101", "resolved"], rows[1][..5]);
        Assert.Equal("650100", rows[2][3]);
        Assert.StartsWith($"id{delimiter}place{delimiter}note{delimiter}gazetteer_code", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("\"")]
    [InlineData("")]
    public void Validate_BadDelimiter_ExitsTwo(string delimiter)
    {
        var (exit, _, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", "--delimiter", delimiter);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: --delimiter: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Utf8ByteOrderMark_IsSkippedSoTheFirstColumnIsFound()
    {
        var (exit, output, _) = CliRunner.Run("validate", Fixture("bom-utf8.csv"), "--column", "place");

        Assert.Equal(0, exit);
        Assert.False(output.StartsWith('\uFEFF'));
        var rows = ReadCsv(output);
        Assert.Equal("place", rows[0][0]);
        Assert.Equal(["Kashgar", "1", "653101"], rows[1][..3]);
        Assert.Equal(["Dörbiljin", "2", "654221"], rows[2][..3]);
    }

    [Fact]
    public void Validate_Utf16ByteOrderMark_WinsOverTheDefaultEncoding()
    {
        var report = Path.Combine(temp, "report.json");

        var (exit, output, _) = CliRunner.Run("validate", Fixture("utf16le-bom.csv"), "--column", "place", "--report", report);

        Assert.Equal(0, exit);
        var rows = ReadCsv(output);
        Assert.Equal(["1", "ئۈرۈمچى شەھىرى", "650100"], rows[1][..3]);
        Assert.Equal(["2", "喀什市", "653101"], rows[2][..3]);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("UTF-16LE (byte order mark)", json.RootElement.GetProperty("encoding").GetString());
    }

    [Fact]
    public void Validate_Windows1252_DecodesWithTheOptionAndIsMalformedWithoutIt()
    {
        var (exit, output, _) = CliRunner.Run("validate", Fixture("windows-1252.csv"), "--column", "place", "--encoding", "windows-1252");
        var (exitUtf8, outputUtf8, errorUtf8) = CliRunner.Run("validate", Fixture("windows-1252.csv"), "--column", "place");

        Assert.Equal(0, exit);
        Assert.Equal(["1", "Ürümqi", "650100"], ReadCsv(output)[1][..3]);
        Assert.Equal(1, exitUtf8);
        Assert.Equal("malformed", ReadCsv(outputUtf8)[1][^7]);
        Assert.Contains("line 2: bytes that are not valid UTF-8", errorUtf8, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownEncoding_ExitsTwoListingTheSupportedOnes()
    {
        var (exit, _, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", "--encoding", "koi8-r");

        Assert.Equal(2, exit);
        Assert.Equal($"error: --encoding: 'koi8-r' is not supported. Expected one of: {InputEncoding.SupportedNames}.\n", error);
    }

    [Fact]
    public void Validate_Candidates_LimitsTheCandidateCodes()
    {
        var (_, output, _) = CliRunner.RunWithInput("place\nHotan\n", "validate", "-", "--column", "place", "--candidates", "2");

        Assert.Equal("653201|653200", ReadCsv(output)[1][^1]);
    }

    [Fact]
    public void Validate_Level_NarrowsTheSearch()
    {
        var (exit, output, _) = CliRunner.RunWithInput("place\nHotan\n", "validate", "-", "--column", "place", "--level", "prefecture");

        Assert.Equal(0, exit);
        Assert.Equal(["Hotan", "653200", "resolved"], ReadCsv(output)[1][..3]);
    }

    [Fact]
    public void Validate_MinScore_TurnsWeakMatchesIntoUnresolved()
    {
        var (exit, output, _) = CliRunner.RunWithInput("place\nDorbiljn\n", "validate", "-", "--column", "place", "--min-score", "0.9");

        Assert.Equal(1, exit);
        Assert.Equal("unresolved", ReadCsv(output)[1][2]);
    }

    [Theory]
    [InlineData("--candidates", "0", "error: --candidates: 0 is not a positive number.")]
    [InlineData("--min-score", "1.5", "error: --min-score: 1.5 is not between 0 and 1.")]
    [InlineData("--as-of", "2020-13-01", "error: --as-of: '2020-13-01' is not a date of the form YYYY-MM-DD.")]
    [InlineData("--level", "township", "error: ")]
    public void Validate_BadOptionValue_ExitsTwo(string option, string value, string message)
    {
        var (exit, output, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", option, value);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AsOf_IsAccepted()
    {
        var (exit, output, _) = CliRunner.RunWithInput("place\nSawen\n", "validate", "-", "--column", "place", "--as-of", "2015-06-01");

        Assert.Equal(0, exit);
        Assert.Equal(["Sawen", "654223", "historical"], ReadCsv(output)[1][..3]);
        Assert.Equal("654203", ReadCsv(output)[1][^1]);
    }

    [Fact]
    public void Validate_Output_WritesTheFileAndNothingOnStandardOutput()
    {
        var file = Path.Combine(temp, "out.csv");

        var (exit, output, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", "--output", file);
        var (_, direct, _) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal(direct, File.ReadAllText(file));
        Assert.Contains("validate: 10 rows in, 10 rows out", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--report")]
    public void Validate_OutputOrReportInAMissingFolder_ExitsTwo(string option)
    {
        var (exit, output, error) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", option, Path.Combine(temp, "no-such-folder", "x"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: {option}: folder '", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutputIsTheInput_ExitsTwoAndLeavesTheInput()
    {
        var input = Path.Combine(temp, "in.csv");
        File.Copy(Fixture("places.csv"), input);

        var (exit, _, error) = CliRunner.Run("validate", input, "--column", "place", "--output", input);

        Assert.Equal(2, exit);
        Assert.Contains("is the input file", error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Fixture("places.csv")), File.ReadAllBytes(input));
    }

    [Fact]
    public void Validate_MissingInputFile_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("validate", Path.Combine(temp, "nothing.csv"), "--column", "place");

        Assert.Equal(2, exit);
        Assert.EndsWith("nothing.csv' does not exist. Expected a CSV file, or '-' for standard input.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutColumn_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("validate", Fixture("places.csv"));

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("--column", error, StringComparison.Ordinal);
    }

    // ---- spreadsheet formula injection ------------------------------------------------------------------------------

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+Emin", "'+Emin")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Emin", "Emin")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    [InlineData("'=x", "'=x")]
    public void Guard_FormulaCharacterFirst_GetsALeadingQuote(string value, string expected) =>
        Assert.Equal(expected, CsvCells.Guard(value));

    [Fact]
    public void Validate_MatchedNameStartingWithAFormulaCharacter_IsGuardedButTheOriginalFieldIsNot()
    {
        var (exit, output, _) = CliRunner.RunWithInput("place,note\n+Emin,=1+1\n-Emin,@x\n", "validate", "-", "--column", "place", "--data", InjectionData);

        Assert.Equal(0, exit);
        var rows = ReadCsv(output);
        Assert.Equal(["+Emin", "=1+1", "654221", "resolved"], rows[1][..4]);
        Assert.Equal("'+Emin (en)", rows[1][^2]);
        Assert.Equal(["-Emin", "@x"], rows[2][..2]);
        Assert.All(rows.Skip(1), r => Assert.All(r[2..], cell => Assert.True(IsSafeCell(cell), cell)));
    }

    // ---- report -----------------------------------------------------------------------------------------------------

    [Fact]
    public void Report_HasTheDocumentedShape()
    {
        var report = Path.Combine(temp, "report.json");

        var (exit, _, _) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place", "--report", report);

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(
            ["input", "output", "column", "encoding", "data_version", "strict", "completed", "rows", "counts", "unresolved", "ambiguous", "malformed", "malformed_truncated", "cache", "elapsed_seconds", "exit_code"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Fixture("places.csv"), root.GetProperty("input").GetString());
        Assert.Equal("-", root.GetProperty("output").GetString());
        Assert.Equal("place", root.GetProperty("column").GetString());
        Assert.Equal("UTF-8", root.GetProperty("encoding").GetString());
        Assert.Equal(PlaceCatalog.Default.DataVersion, root.GetProperty("data_version").GetString());
        Assert.True(root.GetProperty("completed").GetBoolean());
        Assert.Equal(10, root.GetProperty("rows").GetProperty("input").GetInt32());
        Assert.Equal(10, root.GetProperty("rows").GetProperty("output").GetInt32());
        var counts = root.GetProperty("counts");
        Assert.Equal(["resolved", "ambiguous", "historical", "unresolved", "empty", "malformed"], counts.EnumerateObject().Select(p => p.Name));
        Assert.Equal([6, 1, 1, 1, 1, 0], counts.EnumerateObject().Select(p => p.Value.GetInt32()));
        var hotan = Assert.Single(root.GetProperty("ambiguous").EnumerateArray());
        Assert.Equal("Hotan", hotan.GetProperty("value").GetString());
        Assert.Equal(1, hotan.GetProperty("count").GetInt32());
        var suggestion = hotan.GetProperty("suggestions")[0];
        Assert.Equal(["code", "name_zh", "name_en", "score", "historical"], suggestion.EnumerateObject().Select(p => p.Name));
        Assert.Equal("653201", suggestion.GetProperty("code").GetString());
        Assert.Equal("和田市", suggestion.GetProperty("name_zh").GetString());
        Assert.Equal("Atlantis", Assert.Single(root.GetProperty("unresolved").EnumerateArray()).GetProperty("value").GetString());
        Assert.Empty(root.GetProperty("malformed").EnumerateArray());
        Assert.True(root.GetProperty("elapsed_seconds").GetDouble() >= 0);
        Assert.Equal(exit, root.GetProperty("exit_code").GetInt32());
    }

    // ---- standard input, as a real process --------------------------------------------------------------------------

    [Fact]
    public void Process_StandardInput_IsValidatedAndExitCodeIsOne()
    {
        var input = File.ReadAllText(Fixture("places.csv"));

        var (exit, output, error) = CliRunner.RunProcess(input, "validate", "-", "--column", "place");

        Assert.Equal(1, exit);
        var (_, inProcess, _) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place");
        Assert.Equal(inProcess, output);
        Assert.Contains("validate: 10 rows in, 10 rows out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_StandardInputStrict_MalformedExitsThreeWithNothingOnStandardOutput()
    {
        var input = File.ReadAllText(Fixture("ragged.csv"));

        var (exit, output, error) = CliRunner.RunProcess(input, "validate", "-", "--column", "place", "--strict");

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains("error: standard input has 2 malformed record(s) (first on line 3); with --strict nothing is written.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_StandardInputStrict_WellFormedIsWrittenAfterTheCheck()
    {
        var (exit, output, _) = CliRunner.RunProcess("place\nKashgar\n", "validate", "-", "--column", "place", "--strict");

        Assert.Equal(0, exit);
        Assert.Equal("653101", ReadCsv(output)[1][1]);
    }

    // ---- progress display -------------------------------------------------------------------------------------------

    [Fact]
    public void Progress_WhenStandardErrorIsATerminal_DoesNotChangeTheOutput()
    {
        var file = Path.Combine(temp, "out.csv");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, () => TextReader.Null, IsErrorRedirected: false, () => Stream.Null, IsOutputRedirected: false);

        var exit = GazetteerCli.Run(["validate", Fixture("places.csv"), "--column", "place", "--output", file], console);

        var (_, direct, _) = CliRunner.Run("validate", Fixture("places.csv"), "--column", "place");
        Assert.Equal(1, exit);
        Assert.Empty(stdout.ToString());
        Assert.Equal(direct, File.ReadAllText(file));
        Assert.Contains("validate: 10 rows in, 10 rows out", stderr.ToString(), StringComparison.Ordinal);
    }

    // ---- the lenient splitter for malformed records -----------------------------------------------------------------

    [Theory]
    [InlineData("a,b", false, "a", "b")]
    [InlineData("\"a,b\",c", false, "a,b", "c")]
    [InlineData("\"a\"\"b\"", false, "a\"b")]
    [InlineData("\"a\"x,y", false, "\"a\"x", "y")]
    [InlineData("a\"b,c", false, "a\"b", "c")]
    [InlineData("a,\"b,c", true, "a", "\"b,c")]
    [InlineData("a,", false, "a", "")]
    [InlineData("", false, "")]
    public void SplitLenient_KeepsMalformedFieldsAsWritten(string text, bool unclosed, params string[] fields)
    {
        var split = CsvRecordReader.SplitLenient(text, ',', out var open);

        Assert.Equal(fields, split);
        Assert.Equal(unclosed, open);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static bool IsSafeCell(string cell) => cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r');

    private static void AssertRow(Dictionary<string, string> row, string status, string code, string zh, string en)
    {
        Assert.Equal(status, row["gazetteer_status"]);
        Assert.Equal(code, row["gazetteer_code"]);
        Assert.Equal(zh, row["gazetteer_name_zh"]);
        Assert.Equal(en, row["gazetteer_name_en"]);
    }

    private static Dictionary<string, string> Cells(string[] header, string[] row) =>
        header.Zip(row).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Reads CSV strictly with CsvHelper: any bad data fails the test.</summary>
    private static List<string[]> ReadCsv(string text, char delimiter = ',')
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = args => throw new InvalidOperationException($"bad CSV in the output: {args.RawRecord}"),
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    /// <summary>A generated CSV table: the header (with the column <c>place</c>) and rows of the same width.</summary>
    internal sealed record Table(List<string[]> Rows, char Delimiter, bool QuoteAll, string LineEnd)
    {
        public byte[] Bytes()
        {
            var text = new StringBuilder();
            foreach (var row in Rows)
            {
                text.AppendJoin(Delimiter, row.Select(Quote)).Append(LineEnd);
            }

            return new UTF8Encoding(false).GetBytes(text.ToString());
        }

        public override string ToString() => $"delimiter {Delimiter switch { '\t' => "TAB", var d => d.ToString() }}, quote all {QuoteAll}, line end {(LineEnd == "\n" ? "LF" : "CRLF")}:\n"
            + string.Join("\n", Rows.Select(r => string.Join(" | ", r.Select(f => JsonSerializer.Serialize(f)))));

        private string Quote(string field) =>
            QuoteAll || field.AsSpan().IndexOfAny(['"', Delimiter, '\r', '\n']) >= 0 || (Rows[0].Length == 1 && field.Length == 0)
                ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : field;
    }

    /// <summary>Text of every script the data has (Latin, Arabic, Cyrillic, Han) and of many it does not (Mongolian,
    /// Tibetan, Greek, Devanagari, Hebrew, Hangul, Kana, Thai, Georgian, Armenian, emoji and other astral characters,
    /// combining and bidi marks), with the characters CSV has to quote.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "é", "ü", "Ş", " ", "\t", ",", ";", "|", "\"", "\"\"", "'", "\n", "\r\n", "\r", "=", "+", "-", "@",
        "ئ", "ۈ", "ر", "م", "چ", "ى", "ق", "ە", "ش", "ك", "ڭ", "ﺋ", "\u200C",
        "Ү", "р", "ү", "м", "ч", "и", "Қ", "ә", "Ж",
        "乌", "鲁", "木", "齐", "喀", "什", "額", "𠀋",
        "😀", "🇨🇳", "👍🏽", "👩‍👩‍👧", "\u00A0", "\u2028",
        "ᠮᠣᠩᠭᠣᠯ", "བོད", "Ελλάδα", "हिन्दी", "עברית", "한국", "ひらがな", "ไทย", "ქართ", "Հայ", "e\u0301", "\u202E",
        "Kashgar", "Hotan", "Dorbiljin", "沙湾县", "دۆربىلجىن", "Ürümchi", "Дөрбілжін",
    ];

    private static Gen<string> Fields() =>
        Gen.Frequency(
            (1, Gen.Constant(string.Empty)),
            (6, Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat)));

    /// <summary>Bytes that are often, but not always, CSV with a column 'place': stray quotes, ragged lines, invalid
    /// UTF-8 and blank lines.</summary>
    private static Gen<byte[]> Garbage()
    {
        var piece = Gen.Frequency(
            (8, Gen.Elements(Pieces).Select(p => Encoding.UTF8.GetBytes(p))),
            (3, Gen.Elements(",", "\"", "\n", "\r\n", "\r").Select(p => Encoding.UTF8.GetBytes(p))),
            (1, Gen.Elements<byte[]>([0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF])));
        return from header in Gen.Elements("place", "id,place", "place,note,x", "\"place\",id", "Place")
               from body in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(piece, n))
               select Encoding.UTF8.GetBytes(header + "\n").Concat(body.SelectMany(b => b)).ToArray();
    }

    private static Gen<Table> Tables() =>
        from width in Gen.Choose(1, 4)
        from column in Gen.Choose(0, width - 1)
        from header in Gen.ArrayOf(Fields(), width)
        from count in Gen.Choose(0, 6)
        from rows in Gen.ArrayOf(Gen.ArrayOf(Fields(), width), count)
        from delimiter in Gen.Elements(',', ';', '\t', '|')
        from quoteAll in Gen.Elements(false, true)
        from lineEnd in Gen.Elements("\n", "\r\n")
        select new Table(
            [header.Select((h, i) => i == column ? "place" : $"{h}#{i}").ToArray(), .. rows],
            delimiter,
            quoteAll,
            lineEnd);
}
