using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gazetteer;

/// <summary>
/// A calendar date known to the year, the month or the day, written in ISO 8601 reduced precision
/// (<c>2015</c>, <c>2021-01</c>, <c>2015-03-16</c>).
/// </summary>
/// <remarks>Sources often give only the year of a change; the dataset keeps exactly the precision its source states.
/// This type is immutable and thread-safe.</remarks>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the month (1–12), or null when only the year is known.</summary>
    public int? Month { get; }

    /// <summary>Gets the day of the month, or null when only the year or the month is known.</summary>
    public int? Day { get; }

    /// <summary>Gets the first day the value can denote.</summary>
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>Gets the last day the value can denote.</summary>
    public DateOnly End => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new DateOnly(Year, 12, 31);

    /// <summary>Creates a date known to the day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The partial date.</returns>
    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed value.</returns>
    /// <exception cref="FormatException">The text is not one of the three forms or names no real date.</exception>
    public static PartialDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value)
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD."));
    }

    /// <summary>Tries to parse <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed value when the method returns true.</param>
    /// <returns>Whether the text is a valid partial date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate value)
    {
        value = default;
        if (text.Length is not (4 or 7 or 10) || !TryDigits(text[..4], out var year) || year < 1)
        {
            return false;
        }

        if (text.Length == 4)
        {
            value = new PartialDate(year, null, null);
            return true;
        }

        if (text[4] != '-' || !TryDigits(text.Slice(5, 2), out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (text.Length == 7)
        {
            value = new PartialDate(year, month, null);
            return true;
        }

        if (text[7] != '-' || !TryDigits(text.Slice(8, 2), out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Tries to parse <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed value when the method returns true.</param>
    /// <returns>Whether the text is a valid partial date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate value)
    {
        value = default;
        return text is not null && TryParse(text.AsSpan(), out value);
    }

    /// <summary>Compares by <see cref="Start"/>, then by precision (less precise first).</summary>
    /// <param name="other">The other date.</param>
    /// <returns>The comparison result.</returns>
    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    /// <summary>Whether this date is known to be before <paramref name="right"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Whether this date is known to be after <paramref name="right"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Whether this date is before or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Whether this date is after or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>Formats the date in ISO 8601 at its own precision.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
