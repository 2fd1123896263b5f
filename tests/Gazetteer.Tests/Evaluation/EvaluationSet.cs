using Gazetteer.Text;

namespace Gazetteer.Tests.Evaluation;

/// <summary>One evaluation query: the text, the division it means, and the category it tests.</summary>
internal sealed record EvaluationCase(string Category, string Query, string Code);

/// <summary>The search evaluation set: attested spellings from the dataset (sourced variants, exonyms, media and
/// historical names), spellings in scripts the dataset lacks made by the published romanization tables (rule files),
/// and generated perturbations (one and two edits, dropped diacritics, swapped generic words, case endings).
/// Fixed seed: the same set every run.</summary>
internal static class EvaluationSet
{
    private static readonly Dictionary<PlaceKind, string[]> GenericWords = new()
    {
        [PlaceKind.County] = ["County", "Xian", "Nahiyisi", "ауданы", "уезд"],
        [PlaceKind.CountyLevelCity] = ["City", "Shi", "Shehiri", "қаласы"],
        [PlaceKind.Prefecture] = ["Prefecture", "Diqu", "Wilayiti", "аймағы"],
        [PlaceKind.District] = ["District", "Qu", "Rayoni"],
    };

    public static IReadOnlyList<EvaluationCase> Build(PlaceCatalog catalog)
    {
        var random = new Random(20261127);
        var cases = new List<EvaluationCase>();
        var current = catalog.Places.Where(p => !p.IsHistorical).ToList();

        foreach (var place in current)
        {
            foreach (var name in place.Names.Where(n => !n.IsPrimary))
            {
                var category = name.Kind switch
                {
                    NameKind.Media => "media spellings (attested)",
                    NameKind.Historical => "historical names (attested)",
                    NameKind.Exonym => "exonyms (attested)",
                    NameKind.Romanization => "romanizations (attested)",
                    _ => "variants and short forms (attested)",
                };
                cases.Add(new EvaluationCase(category, name.Text, place.Code));
            }

            foreach (var name in place.Names.Where(n => n.Language == "ug-Arab"))
            {
                cases.Add(new EvaluationCase("Uyghur Cyrillic (from UEY by rule)", Transliterator.Transliterate(name.Text, "ug-Arab", "ug-Cyrl"), place.Code));
            }

            foreach (var name in place.Names.Where(n => n.Language == "kk-Cyrl"))
            {
                cases.Add(new EvaluationCase("Kazakh 2021 Latin (from Cyrillic by rule)", Transliterator.Transliterate(name.Text, "kk-Cyrl", "kk-Latn"), place.Code));
            }

            var latin = place.Names.Where(n => n.Origin == NameOrigin.Attested && n.Text.All(c => c < 0x250) && n.Text.Count(char.IsLetter) >= 6).ToList();
            foreach (var name in latin.Take(3))
            {
                var position = random.Next(name.Text.Length);
                cases.Add(new EvaluationCase("one edit", Search.SearchTests.Edit(name.Text, position, random.Next(4)), place.Code));
                if (name.Text.Count(char.IsLetter) >= 9)
                {
                    var once = Search.SearchTests.Edit(name.Text, position, random.Next(4));
                    cases.Add(new EvaluationCase("two edits", Search.SearchTests.Edit(once, random.Next(once.Length), random.Next(4)), place.Code));
                }
            }

            foreach (var name in place.Names.Where(n => n.Text.Any(c => c is >= '\u00C0' and < '\u0250')))
            {
                var stripped = new string(name.Text.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < '\u0300' || c > '\u036F').ToArray());
                cases.Add(new EvaluationCase("dropped diacritics", stripped, place.Code));
            }

            if (GenericWords.TryGetValue(place.Kind, out var words) && place.GetName("en") is { } english && english.Text.Split(' ') is { Length: 2 } parts)
            {
                cases.AddRange(words.Select(w => new EvaluationCase("swapped generic word", $"{parts[0]} {w}", place.Code)));
            }

            foreach (var name in place.Names.Where(n => n.Kind == NameKind.ShortForm && n.Language is "ug-Latn" or "kk-Cyrl" && !n.Text.Contains(' ')))
            {
                var endings = name.Language == "ug-Latn" ? new[] { "da", "diki", "ning", "din" } : ["да", "дағы", "ның", "дан"];
                cases.AddRange(endings.Select(e => new EvaluationCase("case endings", name.Text + e, place.Code)));
            }
        }

        return cases;
    }
}
