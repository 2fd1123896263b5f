using System.Globalization;
using System.Text;
using Gazetteer.Text;
using Xunit;
using Xunit.Abstractions;

namespace Gazetteer.Tests.Text;

/// <summary>Transforms against the attested data: each disagreement must be listed, with its reason, in
/// <c>Fixtures/expected-transliteration-exceptions.txt</c>; shares are asserted and printed.</summary>
public sealed class TransliterationAgreementTests(ITestOutputHelper output)
{
    private static readonly PlaceCatalog Catalog = PlaceCatalog.Default;

    [Fact]
    public void Agreement_ComputedFormsMatchAttestedOnes_ExceptTheListedCases()
    {
        var rows = new List<(string Scheme, string Code, string Attested, string Computed)>();
        foreach (var place in Catalog.Places)
        {
            var arabic = Field(place, "ug_arab");
            if (arabic is not null && Field(place, "ug_latn") is { } uly)
            {
                rows.Add(("ULY", place.Code, uly, Transliterator.Transliterate(arabic, "ug-Arab", "ug-Latn")));
            }

            if (arabic is not null && Field(place, "gnc") is { } gnc)
            {
                var computed = Transliterator.Transliterate(arabic, "ug-Arab", "ug-Latn-x-gnc");
                if (gnc.Split(' ').Length < computed.Split(' ').Length && Catalog.Terms.Strip(computed) is { } bare)
                {
                    computed = bare; // the attested value is the bare form
                }

                rows.Add(("GNC", place.Code, gnc, computed));
            }

            if (Field(place, "kk_cyrl") is { } cyrillic && Field(place, "kk_arab") is { } kazakhArabic)
            {
                rows.Add(("kk Cyrl>Arab", place.Code, kazakhArabic, Transliterator.Transliterate(cyrillic, "kk-Cyrl", "kk-Arab")));
                rows.Add(("kk Arab>Cyrl", place.Code, cyrillic, Transliterator.Transliterate(kazakhArabic, "kk-Arab", "kk-Cyrl")));
            }
        }

        var table = new StringBuilder("| scheme | pairs | agree | share |\n|---|---:|---:|---:|\n");
        var shares = new Dictionary<string, double>();
        foreach (var group in rows.GroupBy(r => r.Scheme))
        {
            var agree = group.Count(r => Same(r.Scheme, r.Attested, r.Computed));
            shares[group.Key] = (double)agree / group.Count();
            table.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {agree} | {shares[group.Key]:P1} |\n");
        }

        output.WriteLine(table.ToString());
        var exceptions = rows.Where(r => !Same(r.Scheme, r.Attested, r.Computed)).Select(r => $"{r.Scheme}\t{r.Code}\t{r.Attested}\t{r.Computed}").ToList();
        var listed = File.ReadLines(Path.Combine(DataFolder.Repository, "tests", "Gazetteer.Tests", "Fixtures", "expected-transliteration-exceptions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => string.Join('\t', l.Split('\t').Take(4)))
            .ToList();

        Assert.True(exceptions.Order().SequenceEqual(listed.Order()), $"Unlisted or stale exceptions.\nNow:\n{string.Join('\n', exceptions.Except(listed))}\nListed but gone:\n{string.Join('\n', listed.Except(exceptions))}");
        Assert.True(shares["ULY"] >= 0.98, table.ToString());
        Assert.True(shares["kk Cyrl>Arab"] >= 0.85 && shares["kk Arab>Cyrl"] >= 0.75, table.ToString());
    }

    /// <summary>Case aside (Arabic script has none; sources capitalise generic words differently) and ULY's two
    /// spellings of ې (é, ë) aside.</summary>
    private static bool Same(string scheme, string attested, string computed) =>
        string.Equals(attested.Replace('ë', 'é').Replace('Ë', 'É'), computed.Replace('ë', 'é').Replace('Ë', 'É'), StringComparison.OrdinalIgnoreCase);

    private static string? Field(Place place, string field) => place.Names.FirstOrDefault(n => n.Field == field)?.Text;
}
