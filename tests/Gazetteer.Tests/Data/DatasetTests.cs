using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Gazetteer.Text;
using Xunit;

namespace Gazetteer.Tests.Data;

/// <summary>Checks over every row of the dataset (the loader already refuses malformed rows; these are the
/// dataset-wide properties: coverage, hierarchy, history, sourcing, collisions).</summary>
public sealed partial class DatasetTests
{
    private static readonly PlaceCatalog Catalog = PlaceCatalog.Default;

    private static IEnumerable<Place> Current => Catalog.Places.Where(p => !p.IsHistorical);

    [Fact]
    public void Coverage_EveryCodeOfTheOfficialListIsPresentAndNoOther()
    {
        var official = ReadCsv(Path.Combine(AppContext.BaseDirectory, "Fixtures", "official-codes.csv")).Select(r => r["code"]).ToHashSet();

        var missing = official.Where(code => !Catalog.TryFind(code, out var p) || p.IsHistorical).ToList();
        var unlisted = Current.Select(p => p.Code).Where(code => !official.Contains(code)).ToList();

        Assert.Empty(missing);
        Assert.Empty(unlisted);
        Assert.Equal(125, official.Count);
    }

    [Fact]
    public void Coverage_LevelsAndKindsOfCurrentUnits()
    {
        Assert.Single(Current, p => p.Level == PlaceLevel.Region);
        Assert.Equal(14, Current.Count(p => p.Level == PlaceLevel.Prefecture));
        Assert.Equal(110, Current.Count(p => p.Level == PlaceLevel.County));
        Assert.Equal(12, Current.Count(p => p.IsXpcc));
        Assert.All(Current.Where(p => p.IsXpcc), p => Assert.Equal("650000", p.ParentCode));
    }

    [Fact]
    public void Hierarchy_CodesNestedAndLevelsConsistent()
    {
        foreach (var place in Catalog.Places.Where(p => p.ParentCode is not null))
        {
            var parent = Catalog.Find(place.ParentCode!);
            var prefix = parent.Level == PlaceLevel.Region || place.Level == PlaceLevel.Prefecture ? parent.Code[..2] : parent.Code[..4];
            Assert.StartsWith(prefix, place.Code, StringComparison.Ordinal);
            Assert.True(parent.Level < place.Level || (parent.Kind == PlaceKind.AutonomousPrefecture && place.Kind == PlaceKind.Prefecture), place.Code);
        }
    }

    [Fact]
    public void History_IntervalsOrderedAndSuccessorsLeadToCurrentUnits()
    {
        foreach (var place in Catalog.Places)
        {
            if (place.ValidFrom is { } from && place.ValidTo is { } to)
            {
                Assert.True(from <= to, place.Code);
            }

            Assert.Equal(place.IsHistorical, place.SuccessorCodes.Count > 0);
            var seen = new HashSet<string>();
            var frontier = new Queue<string>(place.SuccessorCodes);
            while (frontier.TryDequeue(out var code))
            {
                Assert.True(seen.Add(code), $"{place.Code}: successor cycle at {code}");
                var successor = Catalog.Find(code);
                if (place.ValidTo is { } end && successor.ValidFrom is { } start)
                {
                    Assert.True(start <= end || start.Year == end.Year, $"{place.Code} ends {end}, successor {code} starts {start}");
                }

                foreach (var next in successor.SuccessorCodes)
                {
                    frontier.Enqueue(next);
                }
            }

            Assert.True(!place.IsHistorical || seen.Any(c => !Catalog.Find(c).IsHistorical), $"{place.Code} has no current successor");
        }
    }

    [Theory]
    [InlineData("652100", "650400")] // Turpan Prefecture -> Turpan (prefecture-level city), 2015
    [InlineData("652200", "650500")] // Hami Prefecture -> Hami (prefecture-level city), 2016
    [InlineData("652303", "650109")] // Miquan -> Midong District, 2007
    [InlineData("650108", "650109")] // Dongshan District -> Midong District, 2007
    [InlineData("652923", "652902")] // Kuqa County -> Kuqa City, 2019
    [InlineData("654223", "654203")] // Shawan County -> Shawan City, 2021
    public void History_ChangedUnitsKeptWithTheirSuccessor(string historical, string successor)
    {
        var place = Catalog.Find(historical);

        Assert.True(place.IsHistorical);
        Assert.Contains(successor, place.SuccessorCodes);
    }

    [Fact]
    public void Names_ScriptMatchesTagNfcAndNoLookAlikes()
    {
        var scripts = ReadCsv(Path.Combine(DataFolder.Path, "languages.csv")).ToDictionary(r => r["tag"], r => r["script"]);
        var problems = new List<string>();
        foreach (var place in Catalog.Places)
        {
            foreach (var name in place.Names)
            {
                if (ScriptCheck.FindForeignLetter(name.Text, scripts[name.Language]) is { } foreign)
                {
                    problems.Add($"{place.Code} '{name.Text}' ({name.Language}): letter of {foreign.Script}");
                }

                if (ScriptCheck.FindLookAlike(name.Text, name.Language) is { } lookAlike)
                {
                    problems.Add($"{place.Code} '{name.Text}' ({name.Language}): U+{lookAlike.CodePoint:X4}");
                }

                if (!ScriptCheck.IsNfc(name.Text))
                {
                    problems.Add($"{place.Code} '{name.Text}': not NFC");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Sources_EveryNonEmptyPlacesColumnIsCoveredByABracketedSource()
    {
        var sourced = new[] { "code", "parent", "level", "kind", "xpcc", "valid_from", "valid_to", "successor", "zh", "pinyin", "en", "ug_arab", "ug_latn", "gnc", "kk_arab", "kk_cyrl" };
        var problems = new List<string>();
        foreach (var row in ReadCsv(Path.Combine(DataFolder.Path, "places.csv")))
        {
            var covered = new HashSet<string>();
            foreach (var entry in row["source"].Split(" ; "))
            {
                var match = BracketPattern().Match(entry);
                if (!match.Success)
                {
                    problems.Add($"{row["code"]}: source entry without [columns]: '{entry}'");
                    continue;
                }

                covered.UnionWith(match.Groups[1].Value.Split(',').Select(c => c.Trim()));
            }

            problems.AddRange(sourced.Where(c => row[c].Length > 0 && !covered.Contains(c)).Select(c => $"{row["code"]}: column {c} has no source"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Sources_EveryFurtherNameHasASource() =>
        Assert.All(Catalog.Places.SelectMany(p => p.Names), n => Assert.False(string.IsNullOrWhiteSpace(n.Source), n.Text));

    [Fact]
    public void Homonyms_NamesSharedByCurrentDivisionsAreTheListedOnes()
    {
        var shared = Catalog.Forms
            .Where(f => !f.Place.IsHistorical && !f.Name.IsHistorical)
            .GroupBy(f => NameNormalizer.Normalize(f.Name.Text))
            .Select(g => (Key: g.Key, Codes: g.Select(f => f.Place.Code).Distinct().Order().ToArray()))
            .Where(g => g.Codes.Length > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}\t{string.Join(' ', g.Codes)}");

        ExpectedList.AssertMatches("expected-homonyms.txt", shared, "names shared by several current divisions");
    }

    [Theory]
    [InlineData("Hotan", "653200 653201 653221")]
    [InlineData("Aksu", "652900 652901")]
    [InlineData("Altay", "654300 654301")]
    [InlineData("Tacheng", "654200 654201")]
    [InlineData("Ürümqi", "650100 650121")]
    public void Homonyms_WellKnownSharedNamesFindEveryDivision(string name, string codes)
    {
        var found = Catalog.Lookup(name).Where(m => !m.Place.IsHistorical).Select(m => m.Place.Code).Order();

        Assert.Equal(codes.Split(' '), found);
    }

    [Theory]
    [InlineData("Шәуешек", "654201", "kk-Cyrl", NameKind.ShortForm)]
    [InlineData("Chöchek", "654201", "ug-Latn", NameKind.ShortForm)]
    [InlineData("Qeshqer", "653101", "ug-Latn", NameKind.ShortForm)]
    [InlineData("迪化", "650100", "zh-Hans", NameKind.Historical)]
    [InlineData("Kuldja", "654002", "en", NameKind.Historical)]
    [InlineData("Yarkand", "653125", "en", NameKind.Exonym)]
    public void Lookup_VariantNames_FoundAndLabelled(string name, string code, string language, NameKind kind)
    {
        var match = Catalog.Lookup(name).First(m => m.Place.Code == code);

        Assert.Equal(language, match.AttestedName.Language);
        Assert.True(match.Name.Kind == kind || match.AttestedName.Kind == kind, $"{match.Name.Kind}/{match.AttestedName.Kind}");
    }

    [Fact]
    public void Lookup_Dihua_IsHistoricalWithItsEndDate()
    {
        var match = Catalog.Lookup("迪化").Single();

        Assert.True(match.Name.IsHistorical);
        Assert.Equal("1954-02-01", match.Name.ValidTo.ToString());
    }

    [Fact]
    public void Lookup_Koktogay_FoundThroughTheMatchKey()
    {
        var match = Catalog.Lookup("Köktogay").Single();

        Assert.Equal("654322", match.Place.Code);
        Assert.Equal(MatchMethod.MatchKey, match.Method);
    }

    [Fact]
    public void CoverageReport_IsCurrent() => GeneratedFilesTests.AssertCurrent("COVERAGE.md", CoverageReport.Build(Catalog));

    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty));
        }

        return rows;
    }

    [GeneratedRegex(@"^\[([a-z_,\s]+)\]\s+\S")]
    private static partial Regex BracketPattern();
}
