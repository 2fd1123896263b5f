namespace Gazetteer;

/// <summary>What kind of name a <see cref="PlaceName"/> is.</summary>
public enum NameKind
{
    /// <summary>An official name (the Chinese name, the official name in a minority language).</summary>
    Official,

    /// <summary>The conventional name in English (as English-language references write it).</summary>
    Conventional,

    /// <summary>A short form: the name without its generic word.</summary>
    ShortForm,

    /// <summary>Another spelling or form in current use.</summary>
    Variant,

    /// <summary>A name no longer in official use; see its validity dates.</summary>
    Historical,

    /// <summary>A name in a language not of the region (Russian, Turkish, German …).</summary>
    Exonym,

    /// <summary>A spelling used by English-language media, NGOs or rights groups.</summary>
    Media,

    /// <summary>A systematic romanization (Pinyin, ULY, GNC, Wade–Giles, Postal, Kazakh Latin …).</summary>
    Romanization,
}

/// <summary>How a name came to be in the catalogue.</summary>
public enum NameOrigin
{
    /// <summary>Attested by the source named in <see cref="PlaceName.Source"/>.</summary>
    Attested,

    /// <summary>Computed from an attested name by removing its generic word (县, County, Nahiyisi, ауданы …).</summary>
    GenericTermRemoved,

    /// <summary>Computed from an attested name by transliteration; never presented as attested.</summary>
    Transliterated,
}
