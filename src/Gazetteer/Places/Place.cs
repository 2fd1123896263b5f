namespace Gazetteer;

/// <summary>A prefecture- or county-level division of Xinjiang (or the region itself), with all its names.</summary>
/// <remarks>Immutable and thread-safe. Two places are equal when their codes are equal: a code names one division in
/// the dataset.</remarks>
public sealed class Place : IEquatable<Place>
{
    internal Place(
        string code,
        string? parentCode,
        PlaceLevel level,
        PlaceKind kind,
        bool isXpcc,
        PartialDate? validFrom,
        PartialDate? validTo,
        IReadOnlyList<string> successorCodes,
        IReadOnlyList<PlaceName> names,
        string source,
        string? note)
    {
        Code = code;
        ParentCode = parentCode;
        Level = level;
        Kind = kind;
        IsXpcc = isXpcc;
        ValidFrom = validFrom;
        ValidTo = validTo;
        SuccessorCodes = successorCodes;
        Names = names;
        Source = source;
        Note = note;
        ChineseName = names.First(n => n.Field == "zh");
        EnglishName = names.First(n => n.Field == "en");
    }

    /// <summary>Gets the six-digit division code (GB/T 2260), e.g. <c>654221</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the code of the parent division, or null for the region.</summary>
    public string? ParentCode { get; }

    /// <summary>Gets the administrative level.</summary>
    public PlaceLevel Level { get; }

    /// <summary>Gets the type of division.</summary>
    public PlaceKind Kind { get; }

    /// <summary>Gets a value indicating whether the Xinjiang Production and Construction Corps administers the division.</summary>
    public bool IsXpcc { get; }

    /// <summary>Gets the date the division was created, where a source gives it.</summary>
    public PartialDate? ValidFrom { get; }

    /// <summary>Gets the date the division ceased to exist, or null for a current division.</summary>
    public PartialDate? ValidTo { get; }

    /// <summary>Gets the codes of the divisions that replaced a historical division (empty for current ones).</summary>
    public IReadOnlyList<string> SuccessorCodes { get; }

    /// <summary>Gets every attested name: the main names (<see cref="PlaceName.IsPrimary"/>) first, then further names.</summary>
    public IReadOnlyList<PlaceName> Names { get; }

    /// <summary>Gets the official Chinese name (simplified characters), e.g. 额敏县.</summary>
    public PlaceName ChineseName { get; }

    /// <summary>Gets the conventional English name, e.g. Emin County.</summary>
    public PlaceName EnglishName { get; }

    /// <summary>Gets the sources of the division's main names and facts.</summary>
    public string Source { get; }

    /// <summary>Gets the curator's note, or null.</summary>
    public string? Note { get; }

    /// <summary>Gets a value indicating whether the division no longer exists.</summary>
    public bool IsHistorical => ValidTo is not null;

    /// <summary>Gets the main name in a language, e.g. <c>ug-Arab</c>, or null when the dataset has none.</summary>
    /// <param name="language">A BCP 47 tag as used in the dataset.</param>
    /// <returns>The main name in that language, or null.</returns>
    public PlaceName? GetName(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        PlaceName? fallback = null;
        foreach (var name in Names)
        {
            if (string.Equals(name.Language, language, StringComparison.OrdinalIgnoreCase))
            {
                if (name.IsPrimary)
                {
                    return name;
                }

                fallback ??= name.IsHistorical ? null : name;
            }
        }

        return fallback;
    }

    /// <summary>Whether the division existed on a date. Bounds known only to the year or month are taken at their widest.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when the division existed on that date (as far as the sources say).</returns>
    public bool ExistedOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom.Value.Start) && (ValidTo is null || date <= ValidTo.Value.End);

    /// <inheritdoc/>
    public bool Equals(Place? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Place other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the code and the Chinese and English names.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Code} {ChineseName.Text} {EnglishName.Text}";
}
