using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Gazetteer.Tests.Places;

public sealed class PlaceCatalogTests
{
    private static readonly PlaceCatalog Catalog = PlaceCatalog.Default;

    [Theory]
    [InlineData("Dorbiljin", "654221")]
    [InlineData("Dörbiljin", "654221")]
    [InlineData("Emin", "654221")]
    [InlineData("Emin County", "654221")]
    [InlineData("额敏县", "654221")]
    [InlineData("额敏", "654221")]
    [InlineData("دۆربىلجىن", "654221")]
    [InlineData("دۆربىلجىن ناھىيىسى", "654221")]
    [InlineData("Tarbaghatay", "654200")]
    [InlineData("乌苏市", "654202")]
    [InlineData("URUMQI", "650100")]
    public void Lookup_KnownName_FindsTheDivisionFirst(string name, string code)
    {
        var matches = Catalog.Lookup(name);

        Assert.NotEmpty(matches);
        Assert.Equal(code, matches[0].Place.Code);
    }

    [Fact]
    public void Lookup_DorbiljinMatchedName_SaysTextLanguageAndKind()
    {
        var match = Catalog.Lookup("Dörbiljin Nahiyisi")[0];

        Assert.Equal("Dörbiljin Nahiyisi", match.Name.Text);
        Assert.Equal("ug-Latn", match.Name.Language);
        Assert.Equal(NameKind.Romanization, match.Name.Kind);
        Assert.Equal(NameOrigin.Attested, match.Name.Origin);
    }

    [Fact]
    public void Lookup_BareName_IsDerivedFromTheFullNameByRemovingTheGenericWord()
    {
        var match = Assert.Single(Catalog.Lookup("额敏"));

        Assert.Equal(NameOrigin.GenericTermRemoved, match.Name.Origin);
        Assert.Equal("额敏县", match.AttestedName.Text);
    }

    [Theory]
    [InlineData("Nowhere-on-earth")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("县")]
    public void Lookup_UnknownName_ReturnsEmpty(string name) => Assert.Empty(Catalog.Lookup(name));

    [Fact]
    public void Lookup_EveryAttestedNameOfEveryPlace_ReturnsThatPlace()
    {
        var misses = (from place in Catalog.Places
                      from name in place.Names
                      where Catalog.Lookup(name.Text).All(m => m.Place.Code != place.Code)
                      select $"{place.Code} {name.Text}").ToList();

        Assert.Empty(misses);
    }

    [Property(MaxTest = 300)]
    public Property Lookup_AnyNameOfAnyPlace_ReturnsThatPlace() =>
        Prop.ForAll(
            Gen.Elements(Catalog.Places.SelectMany(p => p.Names.Select(n => (p.Code, n.Text))).ToArray()).ToArbitrary(),
            pair => Catalog.Lookup(pair.Text).Any(m => m.Place.Code == pair.Code));

    [Property(MaxTest = 1000)]
    public bool Lookup_AnyString_NeverThrows(string? text)
    {
        _ = Catalog.Lookup(text ?? string.Empty);
        return true;
    }

    [Fact]
    public void Lookup_HostileStrings_NeverThrow()
    {
        var hostile = new[]
        {
            new string('a', 100_000),
            string.Concat(Enumerable.Repeat("额敏", 50_000)),
            "\uD800", "\uDC00x\uD800", "\u0000\u0001\u001F\u007F", "\u202E\u2066\uFEFF", "ٴ", "'", "()", "（）",
            string.Concat(Enumerable.Repeat("\u0301", 10_000)),
        };

        foreach (var text in hostile)
        {
            Assert.NotNull(Catalog.Lookup(text));
        }
    }

    [Fact]
    public void GetDerivedNames_Emin_HoldsTheBareFormsAndNoAttestedName()
    {
        var derived = Catalog.GetDerivedNames("654221");

        Assert.Contains(derived, n => n.Text == "额敏" && n.Origin == NameOrigin.GenericTermRemoved && n.DerivedFrom!.Text == "额敏县");
        Assert.All(derived, n => Assert.NotEqual(NameOrigin.Attested, n.Origin));
        Assert.All(derived, n => Assert.NotNull(n.DerivedFrom));
    }

    [Fact]
    public void GetDerivedNames_Sawen_ChainsTransliterationToTheAttestedArabicName()
    {
        var derived = Catalog.GetDerivedNames("654203");

        var uly = Assert.Single(derived, n => n.Origin == NameOrigin.Transliterated && n.Text == "Sawen Shehiri");
        Assert.Equal("ساۋەن شەھىرى", uly.DerivedFrom!.Text);
        Assert.Contains(derived, n => n.Text == "Sawen" && n.DerivedFrom == uly);
    }

    [Fact]
    public void GetDerivedNames_EveryPlace_EndsEachChainAtAnAttestedNameOfThatPlace()
    {
        var broken = (from place in Catalog.Places
                      from name in Catalog.GetDerivedNames(place.Code)
                      let attested = new PlaceMatch(place, name).AttestedName
                      where attested.Origin != NameOrigin.Attested || !place.Names.Contains(attested)
                      select $"{place.Code} {name.Text}").ToList();

        Assert.Empty(broken);
        Assert.Equal(Catalog.Derived.Count, Catalog.Places.Sum(p => Catalog.GetDerivedNames(p.Code).Count(n => n.Origin == NameOrigin.Transliterated)));
    }

    [Fact]
    public void GetDerivedNames_UnknownCode_ThrowsPlaceNotFoundException() =>
        Assert.Throws<PlaceNotFoundException>(() => Catalog.GetDerivedNames("659999"));

    [Fact]
    public void Find_UnknownCode_ThrowsPlaceNotFoundException()
    {
        var error = Assert.Throws<PlaceNotFoundException>(() => Catalog.Find("659999"));

        Assert.IsAssignableFrom<KeyNotFoundException>(error);
        Assert.False(Catalog.TryFind("659999", out _));
        Assert.False(Catalog.TryFind(null, out _));
    }

    [Fact]
    public void Hierarchy_EminCounty_ParentIsTachengAndAncestorsEndAtTheRegion()
    {
        Assert.Equal("654200", Catalog.Parent("654221")!.Code);
        Assert.Equal(["654200", "654000", "650000"], Catalog.Ancestors("654221").Select(p => p.Code));
        Assert.Null(Catalog.Parent("650000"));
        Assert.Contains(Catalog.Children("654200"), p => p.Code == "654221");
        Assert.Empty(Catalog.Children("654221"));
    }

    [Fact]
    public void Hierarchy_EveryParentListsItsChild()
    {
        foreach (var place in Catalog.Places.Where(p => p.ParentCode is not null))
        {
            Assert.Contains(place, Catalog.Children(place.ParentCode!));
        }
    }

    [Fact]
    public void DataVersion_NamesTheDatasetVersionAndContentHash() =>
        Assert.Matches(@"^\d{4}\.\d{2}\.\d+\+[0-9a-f]{8}$", Catalog.DataVersion);

    [Fact]
    public void Lookup_ManyThreadsAtOnce_SameResultsAsOneThread()
    {
        var catalog = PlaceCatalog.FromDirectory(DataFolder.Path);
        var queries = catalog.Places.SelectMany(p => p.Names).Select(n => n.Text).Concat(["Dorbiljin", "Hotan", "nothing"]).ToArray();
        var expected = queries.Select(q => string.Join(',', catalog.Lookup(q).Select(m => m.Place.Code))).ToArray();
        var failures = 0;

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var round = 0; round < 20; round++)
            {
                for (var i = (worker + round) % queries.Length; i < queries.Length; i += 7)
                {
                    if (string.Join(',', catalog.Lookup(queries[i]).Select(m => m.Place.Code)) != expected[i])
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        });

        Assert.Equal(0, failures);
    }
}
