using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Gazetteer.Utility;

namespace Gazetteer.Data;

/// <summary>One record of a CSV file with the line it starts on.</summary>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>Reads a whole CSV file strictly: exact header, RFC 4180 quoting, equal field counts. Every problem is
/// collected with its line and column; records with problems are reported, never silently dropped.</summary>
internal static class CsvTable
{
    /// <param name="reader">The CSV text.</param>
    /// <param name="fileName">The file name used in problem reports.</param>
    /// <param name="expectedHeader">The exact header row.</param>
    /// <param name="problems">Receives every problem found.</param>
    /// <param name="rejectedKeys">Receives the first field of every record rejected for its shape, so that rows
    /// elsewhere that refer to it are not reported a second time.</param>
    public static IReadOnlyList<CsvRecord> Read(TextReader reader, string fileName, IReadOnlyList<string> expectedHeader, List<DataProblem> problems, ISet<string>? rejectedKeys = null)
    {
        var records = new List<CsvRecord>();
        var badFields = new List<string>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = false,
            DetectDelimiter = false,
            BadDataFound = args => badFields.Add(args.Field),
        };

        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        var previousEnd = 0;
        var headerSeen = false;
        try
        {
            while (parser.Read())
            {
                var line = previousEnd + 1;
                previousEnd = parser.RawRow;
                var fields = parser.Record ?? [];
                if (badFields.Count > 0)
                {
                    var column = Array.FindIndex(fields, f => badFields.Exists(b => b.Contains(f, StringComparison.Ordinal))) + 1;
                    problems.Add(new DataProblem(fileName, line, column, column > 0 && column <= expectedHeader.Count ? expectedHeader[column - 1] : null, badFields[0], ErrorMessages.BadQuote(badFields[0])));
                    badFields.Clear();
                    headerSeen = true;
                    if (fields.Length > 0)
                    {
                        rejectedKeys?.Add(fields[0]);
                    }

                    continue;
                }

                if (fields.Length == 1 && fields[0].Length == 0)
                {
                    continue; // a blank line is not a record
                }

                if (!headerSeen)
                {
                    headerSeen = true;
                    if (!fields.SequenceEqual(expectedHeader, StringComparer.Ordinal))
                    {
                        problems.Add(new DataProblem(fileName, line, 0, null, string.Join(',', fields), ErrorMessages.WrongHeader(string.Join(',', fields), string.Join(',', expectedHeader))));
                        return [];
                    }

                    continue;
                }

                if (fields.Length != expectedHeader.Count)
                {
                    problems.Add(new DataProblem(fileName, line, 0, null, null, ErrorMessages.FieldCount(fields.Length, expectedHeader.Count)));
                    rejectedKeys?.Add(fields[0]);
                    continue;
                }

                records.Add(new CsvRecord(line, fields));
            }
        }
        catch (CsvHelperException e)
        {
            problems.Add(new DataProblem(fileName, previousEnd + 1, 0, null, null, ErrorMessages.Unreadable(e.Message.Split('\n')[0])));
        }

        if (!headerSeen)
        {
            problems.Add(new DataProblem(fileName, 0, 0, null, null, ErrorMessages.EmptyFile()));
        }

        return records;
    }
}
