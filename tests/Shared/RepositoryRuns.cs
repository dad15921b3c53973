namespace Stop.Tests.Shared;

/// <summary>The repository root (where Stop.sln is) and the recorded runs shipped under its <c>runs/</c> folder.</summary>
internal static class RepositoryRuns
{
    public static string Root { get; } = FindRoot();

    /// <summary>Run directories (holding a manifest.json) under <c>runs/</c>.</summary>
    public static IReadOnlyList<string> All()
    {
        var runs = Path.Combine(Root, "runs");
        return Directory.Exists(runs)
            ? Directory.GetDirectories(runs).Where(d => File.Exists(Path.Combine(d, "manifest.json"))).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stop.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Stop.sln above {AppContext.BaseDirectory}.");
    }
}
