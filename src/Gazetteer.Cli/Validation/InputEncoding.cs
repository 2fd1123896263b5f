using System.Text;

namespace Gazetteer.Cli.Validation;

/// <summary>A character encoding <c>validate</c> reads: a strict decoder that reports invalid bytes, a lenient one that
/// replaces them with U+FFFD, and the size of a code unit (so that lines can be found in the raw bytes).</summary>
/// <param name="Name">The name printed in messages (<c>UTF-8</c>, <c>UTF-16LE</c>, …).</param>
/// <param name="Strict">Decodes with an exception on invalid bytes.</param>
/// <param name="Lenient">Decodes invalid bytes as U+FFFD.</param>
/// <param name="UnitSize">Bytes per code unit: 1 (UTF-8 and the single-byte encodings) or 2 (UTF-16).</param>
/// <param name="BigEndian">For UTF-16: whether the high byte comes first.</param>
internal sealed record InputEncoding(string Name, Encoding Strict, Encoding Lenient, int UnitSize, bool BigEndian)
{
    public static readonly InputEncoding Utf8 = new("UTF-8", new UTF8Encoding(false, throwOnInvalidBytes: true), new UTF8Encoding(false, false), 1, false);

    public static readonly InputEncoding Utf16LittleEndian = new("UTF-16LE", new UnicodeEncoding(false, false, throwOnInvalidBytes: true), new UnicodeEncoding(false, false, false), 2, false);

    public static readonly InputEncoding Utf16BigEndian = new("UTF-16BE", new UnicodeEncoding(true, false, throwOnInvalidBytes: true), new UnicodeEncoding(true, false, false), 2, true);

    /// <summary>The names <c>--encoding</c> accepts (case-insensitive), as listed in the help and in errors.</summary>
    public const string SupportedNames = "utf-8, utf-16 (= utf-16le), utf-16le, utf-16be, windows-1252, iso-8859-1 (= latin1), us-ascii";

    /// <summary>Finds an encoding by its name. Only encodings .NET has built in: windows-1252 comes from the code-page
    /// provider of the shared framework, asked directly (not registered globally).</summary>
    public static bool TryParse(string name, out InputEncoding encoding)
    {
        encoding = name.Trim().ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => Utf8,
            "UTF-16" or "UTF16" or "UTF-16LE" or "UTF16LE" or "UNICODE" => Utf16LittleEndian,
            "UTF-16BE" or "UTF16BE" => Utf16BigEndian,
            "WINDOWS-1252" or "CP1252" => SingleByte("windows-1252", (e, d) => CodePagesEncodingProvider.Instance.GetEncoding(1252, e, d)!),
            "ISO-8859-1" or "LATIN1" or "LATIN-1" => SingleByte("ISO-8859-1", (e, d) => Encoding.GetEncoding(28591, e, d)),
            "US-ASCII" or "ASCII" => SingleByte("US-ASCII", (e, d) => Encoding.GetEncoding(20127, e, d)),
            _ => null!,
        };
        return encoding is not null;
    }

    /// <summary>The encoding a byte order mark at the start of the input announces, and the length of the mark.</summary>
    public static (InputEncoding? Encoding, int Length) FromByteOrderMark(ReadOnlySpan<byte> start) => start switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
        [0xFF, 0xFE, ..] => (Utf16LittleEndian, 2),
        [0xFE, 0xFF, ..] => (Utf16BigEndian, 2),
        _ => (null, 0),
    };

    private static InputEncoding SingleByte(string name, Func<EncoderFallback, DecoderFallback, Encoding> create) =>
        new(name, create(EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), create(EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")), 1, false);
}
