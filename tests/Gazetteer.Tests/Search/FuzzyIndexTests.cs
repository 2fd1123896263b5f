using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gazetteer.Search;
using Xunit;

namespace Gazetteer.Tests.Search;

public sealed class FuzzyIndexTests
{
    private static readonly Lazy<(string[] Keys, FuzzyIndex Index)> Catalogue = new(() =>
    {
        var keys = PlaceCatalog.Default.MatchKeyIndex.Keys.Where(k => k.Length > 0).Order(StringComparer.Ordinal).ToArray();
        return (keys, new FuzzyIndex(keys));
    });

    [Property(MaxTest = 300)]
    public bool Find_RandomKeysAndQuery_EqualsLinearScan(NonNull<string> seed)
    {
        // Short strings over few letters, so that keys within two edits of the query are common.
        var random = new Random(seed.Get.GetHashCode(StringComparison.Ordinal));
        string Word() => new([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => "abcs"[random.Next(4)])]);
        var keys = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Word()).ToList();
        var query = Word();
        var budget = random.Next(0, 3);
        var index = new FuzzyIndex(keys);
        return index.Find(query, budget).SequenceEqual(LinearScan(keys, query, budget));
    }

    [Property(MaxTest = 200)]
    public bool Find_CatalogueKeysWithOneOrTwoEdits_EqualsLinearScan(NonNull<string> seed)
    {
        var (keys, index) = Catalogue.Value;
        var random = new Random(seed.Get.GetHashCode(StringComparison.Ordinal));
        var query = keys[random.Next(keys.Length)];
        for (var edit = random.Next(1, 3); edit > 0 && query.Length > 1; edit--)
        {
            var i = random.Next(query.Length);
            query = random.Next(3) switch
            {
                0 => query.Remove(i, 1),
                1 => query.Insert(i, "aeiou"[random.Next(5)].ToString()),
                _ => query[..i] + "kgst"[random.Next(4)] + query[(i + 1)..],
            };
        }

        return index.Find(query, 2).SequenceEqual(LinearScan(keys, query, 2));
    }

    [Property(MaxTest = 500)]
    public bool Distance_WithLimit_IsExactWithinTheLimitAndAboveItOtherwise(NonNull<string> seed)
    {
        var random = new Random(seed.Get.GetHashCode(StringComparison.Ordinal));
        string Word() => new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abc"[random.Next(3)])]);
        var (a, b, limit) = (Word(), Word(), random.Next(0, 4));
        var exact = FuzzyIndex.Distance(a, b);
        var bounded = FuzzyIndex.Distance(a, b, limit);
        return exact <= limit ? bounded == exact : bounded > limit;
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("dorbiljin", "dorbiljn", 1)]
    [InlineData("ab", "ba", 1)] // one transposition
    [InlineData("ca", "abc", 3)] // optimal string alignment, not unrestricted Damerau-Levenshtein (2)
    public void Distance_Examples(string a, string b, int expected)
    {
        Assert.Equal(expected, FuzzyIndex.Distance(a, b));
        Assert.Equal(expected, FuzzyIndex.Distance(b, a));
    }

    [Fact]
    public void Find_QueryLongerThanAnyKey_FindsNothingAndDoesNotThrow() =>
        Assert.Empty(Catalogue.Value.Index.Find(new string('a', 10_000), 2));

    private static List<(string, int)> LinearScan(IEnumerable<string> keys, string query, int budget) =>
        budget <= 0 || query.Length == 0
            ? []
            : [.. keys.Distinct(StringComparer.Ordinal)
                .Select(k => (Key: k, Distance: FuzzyIndex.Distance(query, k)))
                .Where(k => k.Distance <= budget)
                .OrderBy(k => k.Distance).ThenBy(k => k.Key, StringComparer.Ordinal)];
}
