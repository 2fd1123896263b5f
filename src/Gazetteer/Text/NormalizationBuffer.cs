using System.Buffers;
using ICU4N.Text;

namespace Gazetteer.Text;

/// <summary>Unicode normalization into rented memory, for the hot paths that want one string at the end, not one per step.</summary>
internal static class NormalizationBuffer
{
    /// <summary>Rents a buffer large enough for most normalizations of a text of this length (they grow text by a few
    /// times at most; <see cref="Normalize"/> copes with the rest). Return it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static char[] Rent(int length) => ArrayPool<char>.Shared.Rent((length * 4) + 16);

    /// <summary>The normalized text: in <paramref name="buffer"/> when it fits, else in a new string.</summary>
    public static ReadOnlySpan<char> Normalize(Normalizer2 normalizer, ReadOnlySpan<char> text, char[] buffer) =>
        normalizer.TryNormalize(text, buffer, out var written) ? buffer.AsSpan(0, written) : normalizer.Normalize(text);
}
