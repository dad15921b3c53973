namespace Stop.Runs;

/// <summary>The files under <c>seeds/</c>, embedded so the program finds them from any folder.</summary>
public static class SeedFiles
{
    /// <summary>STOP's seed improver, in C# (generation 0).</summary>
    public static string SeedImprover => Read("seed_improver.csx");

    /// <summary>The meta-utility's visible source, shown to an improver that improves itself.</summary>
    public static string MetaUtilitySource => Read("meta_utility.csx");

    private static string Read(string file)
    {
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream($"seeds/{file}")
            ?? throw new FileNotFoundException($"seeds/{file} is not embedded in Stop.Runs.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
