namespace Gazetteer;

/// <summary>Thrown when a division code is not in the catalogue.</summary>
public sealed class PlaceNotFoundException : KeyNotFoundException
{
    /// <summary>Initializes a new instance of the <see cref="PlaceNotFoundException"/> class.</summary>
    public PlaceNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PlaceNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    public PlaceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PlaceNotFoundException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PlaceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
