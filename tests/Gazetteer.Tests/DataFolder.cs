namespace Gazetteer.Tests;

/// <summary>The repository's <c>data/</c> folder, found by walking up from the test binaries.</summary>
internal static class DataFolder
{
    public static string Path { get; } = Find();

    public static string Repository => System.IO.Path.GetDirectoryName(Path)!;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "data", "places.csv")) && File.Exists(System.IO.Path.Combine(dir.FullName, "Gazetteer.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("data/places.csv not found above " + AppContext.BaseDirectory);
    }
}
