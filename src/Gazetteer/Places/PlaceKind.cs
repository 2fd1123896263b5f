namespace Gazetteer;

/// <summary>The type of a division, as the official code list names it.</summary>
public enum PlaceKind
{
    /// <summary>An autonomous region (自治区), level <see cref="PlaceLevel.Region"/>.</summary>
    AutonomousRegion,

    /// <summary>A prefecture-level city (地级市).</summary>
    PrefectureLevelCity,

    /// <summary>A prefecture (地区).</summary>
    Prefecture,

    /// <summary>An autonomous prefecture (自治州).</summary>
    AutonomousPrefecture,

    /// <summary>A district of a city (市辖区).</summary>
    District,

    /// <summary>A county-level city (县级市).</summary>
    CountyLevelCity,

    /// <summary>A county (县).</summary>
    County,

    /// <summary>An autonomous county (自治县).</summary>
    AutonomousCounty,
}
