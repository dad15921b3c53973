namespace Stop.Runs.Tests;

/// <summary>The corpus of improvers under Improvers/, copied next to the test assembly.</summary>
internal static class Improvers
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Improvers", name + ".csx"));

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Improvers"), "*.csx")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
}
