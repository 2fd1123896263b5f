namespace Gazetteer;

/// <summary>The administrative level of a division.</summary>
public enum PlaceLevel
{
    /// <summary>The autonomous region (province level): Xinjiang itself.</summary>
    Region = 0,

    /// <summary>A prefecture-level unit: prefecture, autonomous prefecture or prefecture-level city.</summary>
    Prefecture = 1,

    /// <summary>A county-level unit: county, autonomous county, county-level city or district.</summary>
    County = 2,
}
