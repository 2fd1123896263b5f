namespace Gazetteer;

/// <summary>Thrown when data files cannot be loaded; lists every problem found, each with file, line and column.</summary>
/// <remarks>The loader checks whole files before it builds anything, so a bad file never loads halfway.</remarks>
public sealed class GazetteerDataException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GazetteerDataException"/> class.</summary>
    public GazetteerDataException()
        : this("The data could not be loaded.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GazetteerDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    public GazetteerDataException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Initializes a new instance of the <see cref="GazetteerDataException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GazetteerDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Initializes a new instance of the <see cref="GazetteerDataException"/> class from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public GazetteerDataException(IReadOnlyList<DataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, in file and line order.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    /// <summary>Gets the file of the first problem, or null.</summary>
    public string? FileName => Problems.Count > 0 ? Problems[0].FileName : null;

    /// <summary>Gets the line of the first problem, or 0.</summary>
    public int Line => Problems.Count > 0 ? Problems[0].Line : 0;

    /// <summary>Gets the column of the first problem, or 0.</summary>
    public int Column => Problems.Count > 0 ? Problems[0].Column : 0;

    private static string Describe(IReadOnlyList<DataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int Shown = 50;
        var lines = problems.Take(Shown).Select(p => p.ToString());
        var more = problems.Count > Shown ? $"{Environment.NewLine}… and {problems.Count - Shown} more." : string.Empty;
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"The data could not be loaded ({count}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
