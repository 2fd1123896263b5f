using Xunit;

namespace Gazetteer.Tests;

/// <summary>Reviewed lists under <c>Fixtures/</c>: a computed list must equal the reviewed one, so that a new case
/// (an accidental name collision, say) fails until someone reviews and lists it. With <c>GAZETTEER_REGENERATE=1</c>
/// the file in the source tree is rewritten for review.</summary>
internal static class ExpectedList
{
    public static void AssertMatches(string fileName, IEnumerable<string> actual, string what)
    {
        var lines = actual.ToList();
        var source = Path.Combine(DataFolder.Repository, "tests", "Gazetteer.Tests", "Fixtures", fileName);
        if (Environment.GetEnvironmentVariable("GAZETTEER_REGENERATE") == "1")
        {
            var header = File.Exists(source) ? File.ReadLines(source).TakeWhile(l => l.StartsWith('#')).ToList() : [];
            File.WriteAllLines(source, header.Concat(lines));
        }

        var expected = File.ReadLines(source).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var added = lines.Except(expected).ToList();
        var removed = expected.Except(lines).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"The {what} differ from Fixtures/{fileName}.\nNew (review, then list them):\n{string.Join('\n', added)}\nNo longer present:\n{string.Join('\n', removed)}");
    }
}
