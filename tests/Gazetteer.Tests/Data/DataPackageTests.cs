using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit;

namespace Gazetteer.Tests.Data;

/// <summary>Checks every data file against its Table Schema in <c>data/datapackage.json</c> (the subset the package
/// uses: field order, required, unique, pattern, enum, boolean values, primary and foreign keys).</summary>
public sealed class DataPackageTests
{
    private static readonly JsonElement Package = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder.Path, "datapackage.json"))).RootElement;

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var resource in Package.GetProperty("resources").EnumerateArray())
        {
            data.Add(resource.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Fact]
    public void Package_DescribesEveryCsvFileInDataFolder()
    {
        var described = Package.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()).Order();
        var files = Directory.GetFiles(DataFolder.Path, "*.csv").Select(Path.GetFileName).Order();

        Assert.Equal(files, described);
        Assert.Matches(@"^\d{4}\.\d{2}\.\d+$", Package.GetProperty("version").GetString());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Resource_HeaderAndValues_SatisfyTheTableSchema(string name)
    {
        var resource = Resource(name);
        var (header, rows) = Read(resource.GetProperty("path").GetString()!);
        var schema = resource.GetProperty("schema");
        var fields = schema.GetProperty("fields").EnumerateArray().ToArray();
        var problems = new List<string>();

        Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), header);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var fieldName = field.GetProperty("name").GetString();
            var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (line, values) in rows)
            {
                var value = values[i];
                if (value.Length == 0)
                {
                    if (constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var required) && required.GetBoolean())
                    {
                        problems.Add($"line {line}: {fieldName} is required");
                    }

                    continue;
                }

                if (field.GetProperty("type").GetString() == "boolean" && value is not ("true" or "false"))
                {
                    problems.Add($"line {line}: {fieldName} '{value}' is not a boolean");
                }

                if (constraints.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (constraints.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value, pattern.GetString()!))
                {
                    problems.Add($"line {line}: {fieldName} '{value}' does not match {pattern}");
                }

                if (constraints.TryGetProperty("enum", out var allowed) && allowed.EnumerateArray().All(a => a.GetString() != value))
                {
                    problems.Add($"line {line}: {fieldName} '{value}' is not in the enum");
                }

                if (constraints.TryGetProperty("unique", out var unique) && unique.GetBoolean() && !seen.Add(value))
                {
                    problems.Add($"line {line}: {fieldName} '{value}' is not unique");
                }
            }
        }

        var key = schema.GetProperty("primaryKey").EnumerateArray().Select(k => Array.IndexOf(header, k.GetString())).ToArray();
        foreach (var duplicate in rows.GroupBy(r => string.Join('\u001F', key.Select(k => r.Values[k]))).Where(g => g.Count() > 1))
        {
            problems.Add($"lines {string.Join(", ", duplicate.Select(d => d.Line))}: primary key repeated");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Resource_ForeignKeys_PointAtExistingRows(string name)
    {
        var resource = Resource(name);
        var (header, rows) = Read(resource.GetProperty("path").GetString()!);
        var problems = new List<string>();
        if (!resource.GetProperty("schema").TryGetProperty("foreignKeys", out var foreignKeys))
        {
            return;
        }

        foreach (var foreignKey in foreignKeys.EnumerateArray())
        {
            var column = Array.IndexOf(header, foreignKey.GetProperty("fields")[0].GetString());
            var reference = foreignKey.GetProperty("reference");
            var target = reference.GetProperty("resource").GetString()!;
            var (targetHeader, targetRows) = target.Length == 0 ? (header, rows) : Read(Resource(target).GetProperty("path").GetString()!);
            var targetColumn = Array.IndexOf(targetHeader, reference.GetProperty("fields")[0].GetString());
            var keys = targetRows.Select(r => r.Values[targetColumn]).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(rows.Where(r => r.Values[column].Length > 0 && !keys.Contains(r.Values[column]))
                .Select(r => $"line {r.Line}: '{r.Values[column]}' not found in {(target.Length == 0 ? name : target)}"));
        }

        Assert.Empty(problems);
    }

    private static JsonElement Resource(string name) =>
        Package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private static (string[] Header, List<(int Line, string[] Values)> Rows) Read(string path)
    {
        using var reader = new StreamReader(Path.Combine(DataFolder.Path, path));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Mode = CsvMode.RFC4180, BadDataFound = a => throw new InvalidDataException(a.RawRecord) });
        Assert.True(csv.Read());
        var header = csv.Record!;
        var rows = new List<(int, string[])>();
        while (csv.Read())
        {
            rows.Add((csv.RawRow, csv.Record!));
        }

        return (header, rows);
    }
}
