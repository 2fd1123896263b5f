namespace Gazetteer;

/// <summary>A place found by <see cref="PlaceCatalog.Lookup(string)"/>, with the name that matched.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Place">The place.</param>
/// <param name="Name">The name that matched: attested, or derived from an attested name (see <see cref="PlaceName.Origin"/>).</param>
public sealed record PlaceMatch(Place Place, PlaceName Name)
{
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
