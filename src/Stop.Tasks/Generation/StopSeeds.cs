namespace Stop.Tasks.Generation;

/// <summary>STOP's base seeds: every hidden scorer seeds instance <c>i</c> with <c>base + i</c>.</summary>
public static class StopSeeds
{
    /// <summary>The base seed of the val split (STOP's <c>mode == "val"</c>).</summary>
    public const int Val = 4321;

    /// <summary>The base seed of the test split.</summary>
    public const int Test = 5678;

    /// <summary>The base seed of <paramref name="split"/>.</summary>
    public static int For(Split split) => split switch
    {
        Split.Val => Val,
        Split.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown split."),
    };

    /// <summary>The generator for instance <paramref name="index"/> of <paramref name="split"/>.</summary>
    public static SplitMix64 Generator(Split split, int index) => SplitMix64.ForInstance(For(split), index);
}
