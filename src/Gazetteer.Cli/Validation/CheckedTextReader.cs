using System.Text;

namespace Gazetteer.Cli.Validation;

/// <summary>Decodes a byte stream line by line with a strict decoder, so that every invalid byte sequence is found and
/// located (line number and character offsets) instead of being silently replaced; the line is then decoded with
/// U+FFFD for the invalid bytes. Keeps the text from <see cref="Release"/>d offset on, so that the reader can be
/// <see cref="Rewind"/>ed to re-read it (the record reader does that after a quote that is never closed).</summary>
/// <remarks>
/// <para>Offsets are counted in UTF-16 characters from the start of the text (after any byte order mark). Lines are
/// counted as CsvHelper counts them: CR LF, LF and a lone CR each end a line.</para>
/// <para>Memory: one block of bytes, the decoded text from the released offset to the read position plus the parser's
/// look-ahead; a line longer than a block grows the buffers to hold it. Not thread-safe.</para>
/// </remarks>
internal sealed class CheckedTextReader : TextReader
{
    private const int BlockSize = 1 << 16;

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly InputEncoding declared;
    private readonly Queue<InvalidBytes> invalid = new();
    private InputEncoding encoding;
    private byte[] bytes = new byte[BlockSize];
    private int byteStart;
    private int byteEnd;
    private bool started;
    private bool streamEnded;
    private char[] chars = new char[BlockSize];
    private long windowStart;
    private int position;
    private int end;
    private long released;
    private long line = 1;
    private char lastChar;

    /// <summary>Initializes a reader of <paramref name="stream"/> in <paramref name="declared"/>, unless the stream
    /// begins with a byte order mark, which wins (as in <see cref="StreamReader"/>).</summary>
    public CheckedTextReader(Stream stream, InputEncoding declared, bool leaveOpen = false)
    {
        this.stream = stream;
        this.declared = declared;
        this.leaveOpen = leaveOpen;
        encoding = declared;
    }

    /// <summary>Gets the encoding the text is read in: the declared one, or the one a byte order mark announced.</summary>
    public InputEncoding Encoding
    {
        get
        {
            Start();
            return encoding;
        }
    }

    /// <summary>Gets a value indicating whether the input began with a byte order mark.</summary>
    public bool HadByteOrderMark { get; private set; }

    /// <summary>Gets the number of bytes read from the stream so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Gets the offset of the next character <see cref="Read(Span{char})"/> returns.</summary>
    public long Position => windowStart + position;

    /// <summary>Discards the text before <paramref name="offset"/>: it will not be re-read.</summary>
    public void Release(long offset) => released = Math.Max(released, Math.Min(offset, Position));

    /// <summary>Moves the read position back (or forward, within the decoded text) to <paramref name="offset"/>, which
    /// must not be before the released offset.</summary>
    public void Rewind(long offset)
    {
        if (offset < released || offset > windowStart + end)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The text at this offset is no longer kept.");
        }

        position = (int)(offset - windowStart);
    }

    /// <summary>Removes and returns the invalid byte sequences that lie before <paramref name="endOffset"/>: the
    /// line of the first, or null when there is none.</summary>
    public long? TakeInvalidBefore(long endOffset)
    {
        long? first = null;
        while (invalid.TryPeek(out var next) && next.Start < endOffset)
        {
            first ??= next.Line;
            invalid.Dequeue();
        }

        return first;
    }

    /// <summary>Reads the line that begins at <paramref name="offset"/> (decoding more text when it reaches past what
    /// is decoded), without moving the read position.</summary>
    /// <returns>The line without its line break, and the offset where the next line begins.</returns>
    public (string Text, long Next) LineAt(long offset)
    {
        var from = offset;
        while (true)
        {
            var start = (int)(from - windowStart);
            var found = chars.AsSpan(start, end - start).IndexOfAny('\r', '\n');
            if (found >= 0)
            {
                var at = start + found;
                if (chars[at] == '\r' && at + 1 == end && Fill())
                {
                    continue;
                }

                var next = at + (chars[at] == '\r' && at + 1 < end && chars[at + 1] == '\n' ? 2 : 1);
                var lineStart = (int)(offset - windowStart);
                return (new string(chars, lineStart, at - lineStart), windowStart + next);
            }

            from = windowStart + end;
            if (!Fill())
            {
                var lineStart = (int)(offset - windowStart);
                return (new string(chars, lineStart, end - lineStart), windowStart + end);
            }
        }
    }

    /// <inheritdoc/>
    public override int Peek() => position < end || Fill() ? chars[position] : -1;

    /// <inheritdoc/>
    public override int Read() => position < end || Fill() ? chars[position++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || (position == end && !Fill()))
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, end - position);
        chars.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the first bytes: a byte order mark, if any, chooses the encoding and is skipped.</summary>
    private void Start()
    {
        if (started)
        {
            return;
        }

        started = true;
        while (byteEnd < 3 && ReadBytes())
        {
        }

        var (announced, length) = InputEncoding.FromByteOrderMark(bytes.AsSpan(0, byteEnd));
        if (announced is not null)
        {
            encoding = announced;
            byteStart = length;
            HadByteOrderMark = true;
        }
        else
        {
            encoding = declared;
        }
    }

    /// <summary>Decodes the next complete lines (or, at the end of the stream, what is left) after the text decoded so
    /// far.</summary>
    /// <returns>False at the end of the input.</returns>
    private bool Fill()
    {
        Start();
        while (true)
        {
            var blockEnd = LastLineEnd();
            if (blockEnd < 0)
            {
                if (!streamEnded && ReadBytes())
                {
                    continue;
                }

                if (byteStart == byteEnd)
                {
                    return false;
                }

                blockEnd = byteEnd;
            }

            Decode(byteStart, blockEnd);
            byteStart = blockEnd;
            return true;
        }
    }

    /// <summary>Reads more bytes into the block, compacting it or making it bigger first.</summary>
    /// <returns>False when the stream has ended.</returns>
    private bool ReadBytes()
    {
        if (streamEnded)
        {
            return false;
        }

        if (byteStart > 0 && byteEnd == bytes.Length)
        {
            bytes.AsSpan(byteStart, byteEnd - byteStart).CopyTo(bytes);
            byteEnd -= byteStart;
            byteStart = 0;
        }

        if (byteEnd == bytes.Length)
        {
            Array.Resize(ref bytes, bytes.Length * 2);
        }

        var count = stream.Read(bytes, byteEnd, bytes.Length - byteEnd);
        if (count == 0)
        {
            streamEnded = true;
            return false;
        }

        byteEnd += count;
        BytesRead += count;
        return true;
    }

    /// <summary>The index just after the last line break (CR or LF code unit) in the undecoded bytes, or -1.</summary>
    private int LastLineEnd()
    {
        var span = bytes.AsSpan(byteStart, byteEnd - byteStart);
        if (encoding.UnitSize == 1)
        {
            var last = span.LastIndexOfAny((byte)'\n', (byte)'\r');
            return last < 0 ? -1 : byteStart + last + 1;
        }

        for (var i = (span.Length / 2 * 2) - 2; i >= 0; i -= 2)
        {
            if (IsLineBreakUnit(span, i))
            {
                return byteStart + i + 2;
            }
        }

        return -1;
    }

    private bool IsLineBreakUnit(ReadOnlySpan<byte> span, int i)
    {
        var (high, low) = encoding.BigEndian ? (span[i], span[i + 1]) : (span[i + 1], span[i]);
        return high == 0 && low is (byte)'\n' or (byte)'\r';
    }

    /// <summary>Decodes bytes that end at a line break (or at the end of the input): all at once when they are valid,
    /// else line by line, each invalid line with U+FFFD and recorded.</summary>
    private void Decode(int from, int to)
    {
        var span = bytes.AsSpan(from, to - from);
        MakeRoom(encoding.Lenient.GetMaxCharCount(span.Length));
        int count;
        try
        {
            count = encoding.Strict.GetChars(span, chars.AsSpan(end));
        }
        catch (DecoderFallbackException)
        {
            DecodeLines(span);
            return;
        }

        CountLines(chars.AsSpan(end, count));
        end += count;
    }

    private void DecodeLines(ReadOnlySpan<byte> span)
    {
        var unit = encoding.UnitSize;
        var start = 0;
        while (start < span.Length)
        {
            var stop = start;
            while (stop < span.Length && !(unit == 1 ? span[stop] is (byte)'\n' or (byte)'\r' : stop + 1 < span.Length && IsLineBreakUnit(span, stop)))
            {
                stop += unit;
            }

            stop = Math.Min(span.Length, stop + unit);
            var piece = span[start..stop];
            int count;
            try
            {
                count = encoding.Strict.GetChars(piece, chars.AsSpan(end));
            }
            catch (DecoderFallbackException)
            {
                count = encoding.Lenient.GetChars(piece, chars.AsSpan(end));
                invalid.Enqueue(new InvalidBytes(windowStart + end, line));
            }

            CountLines(chars.AsSpan(end, count));
            end += count;
            start = stop;
        }
    }

    /// <summary>Advances the line count over decoded text: CR LF, LF and a lone CR each end a line.</summary>
    private void CountLines(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var previous = lastChar;
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny('\r', '\n');
            if (found < 0)
            {
                break;
            }

            var at = offset + found;
            var before = at == 0 ? previous : text[at - 1];
            if (text[at] == '\r' || before != '\r')
            {
                line++;
            }

            offset = at + 1;
            if (offset == text.Length)
            {
                break;
            }
        }

        lastChar = text[^1];
    }

    /// <summary>Makes room for <paramref name="count"/> more characters: drops the released text, then grows.</summary>
    private void MakeRoom(int count)
    {
        if (end + count <= chars.Length)
        {
            return;
        }

        var drop = (int)Math.Min(released - windowStart, position);
        if (drop > 0)
        {
            chars.AsSpan(drop, end - drop).CopyTo(chars);
            windowStart += drop;
            position -= drop;
            end -= drop;
        }

        if (end + count > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, end + count));
        }
    }

    /// <summary>An invalid byte sequence: the offset of its replacement character and its line.</summary>
    private readonly record struct InvalidBytes(long Start, long Line);
}
