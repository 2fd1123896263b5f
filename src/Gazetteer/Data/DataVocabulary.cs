namespace Gazetteer.Data;

/// <summary>The words the data files use for levels, kinds and name kinds, and the columns of <c>places.csv</c>.</summary>
internal static class DataVocabulary
{
    public static readonly string[] PlacesHeader =
        ["code", "parent", "level", "kind", "xpcc", "valid_from", "valid_to", "successor", "zh", "pinyin", "en", "ug_arab", "ug_latn", "gnc", "kk_arab", "kk_cyrl", "source", "note"];

    public static readonly string[] NamesHeader = ["code", "name", "lang", "kind", "scheme", "valid_from", "valid_to", "source", "note"];

    /// <summary>The name columns of <c>places.csv</c>: column, language tag, kind, scheme, required.</summary>
    public static readonly (string Column, string Language, NameKind Kind, string? Scheme, bool Required)[] NameColumns =
    [
        ("zh", "zh-Hans", NameKind.Official, null, true),
        ("pinyin", "zh-Latn-pinyin", NameKind.Romanization, "Pinyin", false),
        ("en", "en", NameKind.Conventional, null, true),
        ("ug_arab", "ug-Arab", NameKind.Official, null, false),
        ("ug_latn", "ug-Latn", NameKind.Romanization, "ULY", false),
        ("gnc", "ug-Latn-x-gnc", NameKind.Romanization, "GNC", false),
        ("kk_arab", "kk-Arab", NameKind.Official, null, false),
        ("kk_cyrl", "kk-Cyrl", NameKind.Variant, null, false),
    ];

    private static readonly (string Name, PlaceLevel Level)[] Levels =
        [("region", PlaceLevel.Region), ("prefecture", PlaceLevel.Prefecture), ("county", PlaceLevel.County)];

    private static readonly (string Name, PlaceKind Kind, PlaceLevel Level)[] Kinds =
    [
        ("autonomous-region", PlaceKind.AutonomousRegion, PlaceLevel.Region),
        ("prefecture-level-city", PlaceKind.PrefectureLevelCity, PlaceLevel.Prefecture),
        ("prefecture", PlaceKind.Prefecture, PlaceLevel.Prefecture),
        ("autonomous-prefecture", PlaceKind.AutonomousPrefecture, PlaceLevel.Prefecture),
        ("district", PlaceKind.District, PlaceLevel.County),
        ("county-level-city", PlaceKind.CountyLevelCity, PlaceLevel.County),
        ("county", PlaceKind.County, PlaceLevel.County),
        ("autonomous-county", PlaceKind.AutonomousCounty, PlaceLevel.County),
    ];

    private static readonly (string Name, NameKind Kind)[] NameKinds =
    [
        ("official", NameKind.Official), ("conventional", NameKind.Conventional), ("short", NameKind.ShortForm), ("variant", NameKind.Variant),
        ("historical", NameKind.Historical), ("exonym", NameKind.Exonym), ("media", NameKind.Media), ("romanization", NameKind.Romanization),
    ];

    public static IEnumerable<string> LevelNames => Levels.Select(l => l.Name);

    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Name);

    public static IEnumerable<string> NameKindNames => NameKinds.Select(k => k.Name);

    public static bool TryParseLevel(string text, out PlaceLevel level)
    {
        foreach (var (name, value) in Levels)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                level = value;
                return true;
            }
        }

        level = default;
        return false;
    }

    public static bool TryParseKind(string text, out PlaceKind kind)
    {
        foreach (var (name, value, _) in Kinds)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseNameKind(string text, out NameKind kind)
    {
        foreach (var (name, value) in NameKinds)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                kind = value;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static PlaceLevel LevelOf(PlaceKind kind) => Kinds.First(k => k.Kind == kind).Level;

    public static string Format(PlaceKind kind) => Kinds.First(k => k.Kind == kind).Name;

    public static string Format(PlaceLevel level) => Levels.First(l => l.Level == level).Name;

    public static string Format(NameKind kind) => NameKinds.First(k => k.Kind == kind).Name;
}
