namespace Gazetteer;

/// <summary>A place found by <see cref="PlaceCatalog.Lookup(string)"/>, with the name that matched.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Place">The place.</param>
/// <param name="Name">The name that matched: attested, or derived from an attested name (see <see cref="PlaceName.Origin"/>).</param>
public sealed record PlaceMatch(Place Place, PlaceName Name)
{
    /// <summary>Gets how the query met the name: the same text after normalisation, the same without diacritics and
    /// separators, or the same match key (another romanization of the same name).</summary>
    public MatchMethod Method { get; init; }

    /// <summary>Gets the attested name the match rests on: <see cref="Name"/> itself, or the name it was derived from.</summary>
    public PlaceName AttestedName
    {
        get
        {
            var name = Name;
            while (name.DerivedFrom is not null)
            {
                name = name.DerivedFrom;
            }

            return name;
        }
    }
}

/// <summary>How <see cref="PlaceCatalog.Lookup(string)"/> matched a name, from the strictest to the loosest.</summary>
public enum MatchMethod
{
    /// <summary>Equal after normalisation (case, Unicode compatibility forms, Arabic-script look-alikes, invisible characters).</summary>
    Exact,

    /// <summary>Equal once diacritics, hamza marks, apostrophes, hyphens and spaces are also set aside.</summary>
    Folded,

    /// <summary>Equal match keys: another romanization or script of the same name (Köktogay ~ Көктоғай).</summary>
    MatchKey,

    /// <summary>Match keys within a few edits (Damerau–Levenshtein): a misspelling. Only search matches this way.</summary>
    Fuzzy,
}
