using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ICU4N;
using ICU4N.Text;

namespace Gazetteer.Text.Transliteration;

/// <summary>A fast interpreter for a subset of ICU's transform rule syntax, for the match key on the search path, where
/// ICU4N's compiled transliterator costs 5–13 µs a call and its first compile hundreds of milliseconds.</summary>
/// <remarks>
/// <para>It runs a rule file as ICU does: passes in order (<c>::NFKC ;</c>, <c>::NFD ;</c>, <c>::NFC ;</c>,
/// <c>::Lower ;</c>, <c>::Null ;</c>, and the conversion rules between them), and within a block of rules, at each
/// position, the first rule in file order whose before-context, key and after-context match; the output replaces the key
/// and the cursor goes to its end or to the <c>|</c> in it; with no match the cursor moves one code point; at most 16
/// steps per code point of the block's input, as ICU's loop limit, beyond which both throw.</para>
/// <para>The subset: variables, single code points, escapes and sets (parsed by ICU4N's <see cref="UnicodeSet"/>) in
/// patterns, before <c>{</c> and after <c>}</c> contexts, forward rules (<c>&gt;</c>) with literal output and one
/// <c>|</c>. A file with anything else (quantifiers, segments, anchors, quotes, filters, reverse rules, other transform
/// IDs) is not compiled: <see cref="TryCompile"/> returns null and the caller keeps ICU4N. Equality with ICU4N on every
/// file that compiles is a property test (CompiledRulesTests). Immutable and thread-safe.</para>
/// </remarks>
internal sealed class CompiledRules
{
    private readonly Pass[] passes;

    /// <summary>The passes that can change ASCII text, when no rule writes anything but ASCII (so ASCII text stays ASCII
    /// from pass to pass, and normalization and blocks without an ASCII rule leave it as it is); else null.</summary>
    private readonly Pass[]? asciiPasses;

    private CompiledRules(Pass[] passes)
    {
        this.passes = passes;
        if (passes.OfType<RuleBlock>().All(b => b.WritesOnlyAscii))
        {
            asciiPasses = [.. passes.Where(p => p is LowerPass || (p is RuleBlock block && block.ReadsAscii))];
        }
    }

    /// <summary>Compiles rule text, or returns null when it uses syntax outside the subset.</summary>
    public static CompiledRules? TryCompile(string ruleText)
    {
        try
        {
            return Parser.Parse(ruleText) is { } passes ? new CompiledRules(passes) : null;
        }
        catch (ArgumentException)
        {
            return null; // a set ICU4N cannot parse: leave the file to ICU4N, which reports it
        }
    }

    /// <summary>Transforms text as ICU4N's transliterator for the same rules does.</summary>
    public string Apply(string text)
    {
        var buffer = new TextBuffer(text);
        try
        {
            Run(ref buffer);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Whether another run of rules could still change a text.</summary>
    public delegate bool MayChange(ReadOnlySpan<char> text);

    /// <summary>Runs <paramref name="first"/> (if any) then <paramref name="rules"/>, and runs <paramref name="rules"/>
    /// again while <paramref name="mayChange"/> says so and a run changes the text, at most <paramref name="maxRuns"/>
    /// more times; one string is made, at the end. Equal to applying the rules one after another on strings.</summary>
    /// <param name="text">The text.</param>
    /// <param name="first">Rules run once before, or null.</param>
    /// <param name="rules">The rules run to a fixpoint.</param>
    /// <param name="mayChange">Whether another run could change the text.</param>
    /// <param name="maxRuns">The most runs after the first.</param>
    /// <param name="same">A string to return instead of a new one when the result equals it.</param>
    public static string ApplyToFixpoint(string text, CompiledRules? first, CompiledRules rules, MayChange mayChange, int maxRuns, string? same = null)
    {
        var buffer = new TextBuffer(text);
        char[]? previous = null;
        try
        {
            first?.Run(ref buffer);
            rules.Run(ref buffer);
            for (var run = 0; run < maxRuns && mayChange(buffer.Span); run++)
            {
                if (previous is null || previous.Length < buffer.Length)
                {
                    if (previous is not null)
                    {
                        ArrayPool<char>.Shared.Return(previous);
                    }

                    previous = ArrayPool<char>.Shared.Rent(buffer.Length);
                }

                var length = buffer.Length;
                buffer.Span.CopyTo(previous);
                rules.Run(ref buffer);
                if (buffer.Span.SequenceEqual(previous.AsSpan(0, length)))
                {
                    break;
                }
            }

            return same is not null && buffer.Span.SequenceEqual(same) ? same : buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
            if (previous is not null)
            {
                ArrayPool<char>.Shared.Return(previous);
            }
        }
    }

    private void Run(ref TextBuffer buffer)
    {
        foreach (var pass in asciiPasses is not null && buffer.IsAscii ? asciiPasses : passes)
        {
            pass.Run(ref buffer);
        }
    }

    /// <summary>The working text: a rented array edited in place.</summary>
    private struct TextBuffer : IDisposable
    {
        private char[] chars;

        public TextBuffer(string text)
        {
            chars = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length * 2));
            text.CopyTo(chars);
            Length = text.Length;
        }

        public int Length { get; private set; }

        public readonly ReadOnlySpan<char> Span => chars.AsSpan(0, Length);

        public readonly int CodePointAt(int index) =>
            char.IsHighSurrogate(chars[index]) && index + 1 < Length && char.IsLowSurrogate(chars[index + 1])
                ? char.ConvertToUtf32(chars[index], chars[index + 1])
                : chars[index];

        public readonly int CodePointBefore(int index) =>
            char.IsLowSurrogate(chars[index - 1]) && index >= 2 && char.IsHighSurrogate(chars[index - 2])
                ? char.ConvertToUtf32(chars[index - 2], chars[index - 1])
                : chars[index - 1];

        public readonly bool IsAscii => System.Text.Ascii.IsValid(Span);

        public void Replace(int start, int length, string replacement)
        {
            var delta = replacement.Length - length;
            Reserve(Length + delta);
            Array.Copy(chars, start + length, chars, start + replacement.Length, Length - start - length);
            replacement.CopyTo(chars.AsSpan(start));
            Length += delta;
        }

        public void Set(ReadOnlySpan<char> text)
        {
            Reserve(text.Length);
            text.CopyTo(chars);
            Length = text.Length;
        }

        public readonly void LowerAscii() => System.Text.Ascii.ToLowerInPlace(chars.AsSpan(0, Length), out _);

        public override readonly string ToString() => new(chars, 0, Length);

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = [];
        }

        private void Reserve(int length)
        {
            if (length > chars.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(length * 2);
                Array.Copy(chars, larger, Length);
                ArrayPool<char>.Shared.Return(chars);
                chars = larger;
            }
        }
    }

    private abstract class Pass
    {
        public abstract void Run(ref TextBuffer text);
    }

    /// <summary>::NFKC, ::NFD, ::NFC: ASCII text is normalized under all three, so only other text is passed to ICU4N.</summary>
    private sealed class NormalizationPass(Normalizer2 normalizer) : Pass
    {
        public override void Run(ref TextBuffer text)
        {
            if (!text.IsAscii && !normalizer.IsNormalized(text.Span))
            {
                var buffer = NormalizationBuffer.Rent(text.Length);
                try
                {
                    text.Set(NormalizationBuffer.Normalize(normalizer, text.Span, buffer));
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>::Lower: full lower-case mapping of the root locale, as ICU's Any-Lower.</summary>
    private sealed class LowerPass : Pass
    {
        public override void Run(ref TextBuffer text)
        {
            if (text.IsAscii)
            {
                text.LowerAscii();
            }
            else if (!IsLower(text.Span))
            {
                text.Set(UChar.ToLower(CultureInfo.InvariantCulture, text.ToString()));
            }
        }

        /// <summary>Whether lower-casing would surely change nothing: no character has a simple lower-case mapping, none is
        /// U+0130 (İ, whose full mapping in the root locale differs from its simple one; ICU's other special cases start
        /// from upper-case letters), and none is a surrogate (checked by ICU4N instead).</summary>
        private static bool IsLower(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (c == '\u0130' || char.IsSurrogate(c) || char.ToLowerInvariant(c) != c)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One code point or a set of them, in a pattern.</summary>
    private sealed class Element
    {
        private readonly int codePoint;
        private readonly UnicodeSet? set;
        private readonly bool[]? ascii;

        public Element(int codePoint) => this.codePoint = codePoint;

        public Element(UnicodeSet set)
        {
            this.set = set.Freeze();
            codePoint = -1;
            ascii = new bool[128];
            for (var c = 0; c < 128; c++)
            {
                ascii[c] = set.Contains(c);
            }
        }

        public bool Matches(int c) => set is null ? c == codePoint : c < 128 ? ascii![c] : set.Contains(c);
    }

    private sealed record Rule(Element[] Before, Element[] Key, Element[] After, string Output, int Cursor);

    /// <summary>A block of conversion rules, indexed by the first code point of their keys in file order.</summary>
    private sealed class RuleBlock : Pass
    {
        private readonly Rule[] rules;
        private readonly Rule[][] asciiIndex = new Rule[128][];
        private const int MaxRemembered = 4096;

        private readonly ConcurrentDictionary<int, Rule[]> otherIndex = new();
        private readonly Func<int, Rule[]> candidates;
        private readonly bool readsAscii;

        public RuleBlock(List<Rule> rules)
        {
            this.rules = [.. rules];
            candidates = Candidates;
            for (var c = 0; c < 128; c++)
            {
                asciiIndex[c] = Candidates(c);
                readsAscii |= asciiIndex[c].Length > 0;
            }
        }

        public bool ReadsAscii => readsAscii;

        public bool WritesOnlyAscii => rules.All(r => System.Text.Ascii.IsValid(r.Output));

        public override void Run(ref TextBuffer text)
        {
            if (!readsAscii && text.IsAscii)
            {
                return; // no rule of the block starts with an ASCII character: ASCII text passes unchanged
            }

            var position = 0;
            var loops = 0;
            var loopLimit = text.Length << 4;
            while (position < text.Length && loops <= loopLimit)
            {
                var c = text.CodePointAt(position);
                var candidates = c < 128 ? asciiIndex[c] : Other(c);
                var applied = false;
                foreach (var rule in candidates)
                {
                    if (TryMatch(rule, ref text, position) is var keyLength and >= 0)
                    {
                        text.Replace(position, keyLength, rule.Output);
                        position += rule.Cursor;
                        applied = true;
                        break;
                    }
                }

                if (!applied)
                {
                    position += c > 0xFFFF ? 2 : 1;
                }

                loops++;
            }

            if (position < text.Length)
            {
                // ICU4N throws here too ("Incomplete non-incremental transliteration").
                throw new InvalidOperationException("The rules did not finish within 16 steps per character: a rule keeps the cursor in place without shortening the text.");
            }
        }

        /// <summary>The length of the key matched at the position, or -1.</summary>
        private static int TryMatch(Rule rule, ref TextBuffer text, int position)
        {
            var end = MatchForward(rule.Key, ref text, position);
            if (end < 0 || MatchForward(rule.After, ref text, end) < 0)
            {
                return -1;
            }

            var before = position;
            for (var i = rule.Before.Length - 1; i >= 0; i--)
            {
                if (before <= 0)
                {
                    return -1;
                }

                var c = text.CodePointBefore(before);
                if (!rule.Before[i].Matches(c))
                {
                    return -1;
                }

                before -= c > 0xFFFF ? 2 : 1;
            }

            return end - position;
        }

        /// <summary>The index after <paramref name="elements"/> matched from <paramref name="start"/> on, or -1.</summary>
        private static int MatchForward(Element[] elements, ref TextBuffer text, int start)
        {
            var end = start;
            foreach (var element in elements)
            {
                if (end >= text.Length)
                {
                    return -1;
                }

                var c = text.CodePointAt(end);
                if (!element.Matches(c))
                {
                    return -1;
                }

                end += c > 0xFFFF ? 2 : 1;
            }

            return end;
        }

        private Rule[] Candidates(int c)
        {
            var found = rules.Where(r => r.Key[0].Matches(c)).ToArray();
            return found.Length == 0 ? [] : found;
        }

        /// <summary>The rules that may start at a code point beyond ASCII; remembered for the first few thousand code
        /// points seen, so that text in any script cannot make the index grow without bound.</summary>
        private Rule[] Other(int c) =>
            otherIndex.TryGetValue(c, out var known) ? known
            : otherIndex.Count < MaxRemembered ? otherIndex.GetOrAdd(c, candidates)
            : Candidates(c);
    }

    /// <summary>Reads rule text into passes; null for anything outside the subset.</summary>
    private static class Parser
    {
        public static Pass[]? Parse(string ruleText)
        {
            var passes = new List<Pass>();
            var block = new List<Rule>();
            var variables = new Dictionary<string, Element[]>(StringComparer.Ordinal);

            void EndBlock()
            {
                if (block.Count > 0)
                {
                    passes.Add(new RuleBlock(block));
                    block = [];
                }
            }

            if (Statements(ruleText) is not { } statements)
            {
                return null;
            }

            foreach (var statement in statements)
            {
                if (statement.StartsWith("::", StringComparison.Ordinal))
                {
                    EndBlock();
                    switch (statement[2..].Trim())
                    {
                        case "NFKC":
                            passes.Add(new NormalizationPass(Normalizer2.NFKCInstance));
                            break;
                        case "NFC":
                            passes.Add(new NormalizationPass(Normalizer2.NFCInstance));
                            break;
                        case "NFD":
                            passes.Add(new NormalizationPass(Normalizer2.NFDInstance));
                            break;
                        case "Lower" or "Any-Lower":
                            passes.Add(new LowerPass());
                            break;
                        case "Null" or "Any-Null":
                            break;
                        default:
                            return null;
                    }
                }
                else if (statement.StartsWith('$') && statement.IndexOf('=', StringComparison.Ordinal) is var equals and > 0 && !statement.Contains('>', StringComparison.Ordinal))
                {
                    var name = statement[1..equals].Trim();
                    if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit) || Pattern(statement[(equals + 1)..], variables) is not { } value)
                    {
                        return null;
                    }

                    variables[name] = value;
                }
                else if (Rule(statement, variables) is { } rule)
                {
                    block.Add(rule);
                }
                else
                {
                    return null;
                }
            }

            EndBlock();
            return [.. passes];
        }

        /// <summary>The statements, comments removed, split at semicolons outside sets and escapes.</summary>
        private static List<string>? Statements(string text)
        {
            var statements = new List<string>();
            var current = new StringBuilder();
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(c).Append(text[++i]);
                }
                else if (c == '\'' || c == '"')
                {
                    return null; // quoted literals are outside the subset
                }
                else if (c == '#' && depth == 0)
                {
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == ';' && depth == 0)
                {
                    statements.Add(current.ToString().Trim());
                    current.Clear();
                }
                else
                {
                    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                    current.Append(c);
                }
            }

            return current.ToString().Trim().Length > 0 || depth != 0 ? null : [.. statements.Where(s => s.Length > 0)];
        }

        private static Rule? Rule(string statement, Dictionary<string, Element[]> variables)
        {
            var arrow = statement.IndexOf('>', StringComparison.Ordinal);
            if (arrow <= 0 || statement.Contains('<', StringComparison.Ordinal) || statement.IndexOf('>', arrow + 1) >= 0)
            {
                return null;
            }

            var left = statement[..arrow];
            var open = left.IndexOf('{', StringComparison.Ordinal);
            var close = left.IndexOf('}', StringComparison.Ordinal);
            var beforeText = open >= 0 ? left[..open] : string.Empty;
            var keyText = left[(open + 1)..(close >= 0 ? close : left.Length)];
            var afterText = close >= 0 ? left[(close + 1)..] : string.Empty;
            if ((close >= 0 && close < open) || Pattern(beforeText, variables) is not { } before
                || Pattern(keyText, variables) is not { Length: > 0 } key || Pattern(afterText, variables) is not { } after)
            {
                return null;
            }

            var (output, cursor) = Output(statement[(arrow + 1)..]);
            return output is null ? null : new Rule(before, key, after, output, cursor);
        }

        /// <summary>A pattern: code points, escapes, sets and variables, white space ignored; null outside the subset.</summary>
        private static Element[]? Pattern(string text, Dictionary<string, Element[]> variables)
        {
            var elements = new List<Element>();
            for (var i = 0; i < text.Length;)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '[')
                {
                    var end = SetEnd(text, i);
                    if (end < 0 || text.AsSpan(i, end - i).Contains('$'))
                    {
                        return null;
                    }

                    elements.Add(new Element(new UnicodeSet(text[i..end])));
                    i = end;
                }
                else if (c == '$')
                {
                    var end = i + 1;
                    while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
                    {
                        end++;
                    }

                    if (!variables.TryGetValue(text[(i + 1)..end], out var value))
                    {
                        return null;
                    }

                    elements.AddRange(value);
                    i = end;
                }
                else if (Literal(text, ref i) is { } codePoint)
                {
                    elements.Add(new Element(codePoint));
                }
                else
                {
                    return null;
                }
            }

            return [.. elements];
        }

        private static (string? Output, int Cursor) Output(string text)
        {
            var output = new StringBuilder();
            var cursor = -1;
            for (var i = 0; i < text.Length;)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                else if (text[i] == '|' && cursor < 0)
                {
                    cursor = output.Length;
                    i++;
                }
                else if (Literal(text, ref i) is { } codePoint)
                {
                    output.Append(char.ConvertFromUtf32(codePoint));
                }
                else
                {
                    return (null, 0);
                }
            }

            return (output.ToString(), cursor < 0 ? output.Length : cursor);
        }

        /// <summary>One literal code point: an escape (\uXXXX, \UXXXXXXXX, or a backslash and a character that is not a
        /// letter or digit) or a character that is not ASCII syntax.</summary>
        private static int? Literal(string text, ref int i)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    return null;
                }

                var kind = text[i + 1];
                var digits = kind switch { 'u' => 4, 'U' => 8, _ => 0 };
                if (digits > 0)
                {
                    if (i + 2 + digits > text.Length || !int.TryParse(text.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value > 0x10FFFF)
                    {
                        return null;
                    }

                    i += 2 + digits;
                    return value;
                }

                if (kind == 'x' || char.IsAsciiLetterOrDigit(kind))
                {
                    return null; // \x{…} and other letter escapes (\n, \t) are left to ICU4N
                }

                i += 2;
                return kind;
            }

            if (c < 128 && !char.IsAsciiLetterOrDigit(c))
            {
                return null; // ICU syntax characters and unquoted ASCII punctuation
            }

            var rune = Rune.GetRuneAt(text, i);
            i += rune.Utf16SequenceLength;
            return rune.Value;
        }

        /// <summary>The index after the ']' that closes the set opened at <paramref name="start"/>, or -1.</summary>
        private static int SetEnd(string text, int start)
        {
            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        depth++;
                        break;
                    case ']':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }

                        break;
                }
            }

            return -1;
        }
    }
}
