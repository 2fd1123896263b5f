using System.Globalization;

namespace Gazetteer;

/// <summary>One problem found in a data file: where it is, the bad value and what was expected.</summary>
/// <param name="FileName">The file name, e.g. <c>places.csv</c>.</param>
/// <param name="Line">The 1-based line number the record starts on, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">The 1-based column (field) number, or 0 when the problem concerns the whole record or file.</param>
/// <param name="ColumnName">The column's header name, or null.</param>
/// <param name="Value">The bad value, or null.</param>
/// <param name="Message">What is wrong and what was expected, in one or two sentences.</param>
public sealed record DataProblem(string FileName, int Line, int Column, string? ColumnName, string? Value, string Message)
{
    /// <summary>Formats the problem: location first, then the message.</summary>
    /// <returns>For example <c>names.csv line 42, column 3 (lang): language tag 'ug-Arb' is not known. Expected …</c>.</returns>
    public override string ToString()
    {
        var where = Line > 0
            ? Column > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{FileName} line {Line}, column {Column} ({ColumnName})")
                : string.Create(CultureInfo.InvariantCulture, $"{FileName} line {Line}")
            : FileName;
        return $"{where}: {Message}";
    }
}
