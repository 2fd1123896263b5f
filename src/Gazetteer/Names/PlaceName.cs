namespace Gazetteer;

/// <summary>One name of a division: its text, language, kind, validity and source.</summary>
/// <remarks>Immutable and thread-safe. Names computed by the library (<see cref="Origin"/> other than
/// <see cref="NameOrigin.Attested"/>) point at the attested name they come from through <see cref="DerivedFrom"/>.</remarks>
public sealed record PlaceName
{
    /// <summary>Gets the name as written (Unicode NFC).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the BCP 47 language tag with script, e.g. <c>ug-Arab</c>, <c>kk-Cyrl</c>, <c>zh-Hans</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Gets the kind of name.</summary>
    public required NameKind Kind { get; init; }

    /// <summary>Gets the romanization scheme (Wade-Giles, Postal, ULY …), or null.</summary>
    public string? Scheme { get; init; }

    /// <summary>Gets the first date the name was in use, where a source gives it.</summary>
    public PartialDate? ValidFrom { get; init; }

    /// <summary>Gets the date the name went out of use, where a source gives it.</summary>
    public PartialDate? ValidTo { get; init; }

    /// <summary>Gets the source of the name (URLs or documents). For derived names, the source of the attested name.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the curator's note, or null.</summary>
    public string? Note { get; init; }

    /// <summary>Gets the column of <c>places.csv</c> the name comes from (<c>zh</c>, <c>ug_arab</c> …), or null for
    /// names from <c>names.csv</c> and derived names.</summary>
    public string? Field { get; init; }

    /// <summary>Gets how the name came to be in the catalogue.</summary>
    public NameOrigin Origin { get; init; }

    /// <summary>Gets the attested name a derived name was computed from, or null for attested names.</summary>
    public PlaceName? DerivedFrom { get; init; }

    /// <summary>Gets a value indicating whether the name is one of the division's main names (a <c>places.csv</c> column).</summary>
    public bool IsPrimary => Field is not null;

    /// <summary>Gets a value indicating whether the name is historical: of kind <see cref="NameKind.Historical"/>
    /// or with an end date.</summary>
    public bool IsHistorical => Kind == NameKind.Historical || ValidTo is not null;

    /// <summary>Describes how a derived name was computed, one step per derivation, from this name back to the attested
    /// one: "generic word removed from 'Sawen Shehiri'", "transliterated from 'ساۋەن شەھىرى' (ug-Arab)". Empty for an
    /// attested name.</summary>
    /// <returns>The steps, nearest first.</returns>
    public IEnumerable<string> DescribeDerivation()
    {
        for (var step = this; step.DerivedFrom is not null; step = step.DerivedFrom)
        {
            yield return step.Origin == NameOrigin.GenericTermRemoved
                ? $"generic word removed from '{step.DerivedFrom.Text}'"
                : $"transliterated from '{step.DerivedFrom.Text}' ({step.DerivedFrom.Language})";
        }
    }

    /// <summary>Returns the text of the name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
