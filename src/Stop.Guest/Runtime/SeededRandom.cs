using System.Diagnostics;

namespace Stop.Guest.Runtime;

/// <summary>
/// Where instrumentation sends <c>new Random()</c> and <c>Random.Shared</c>: generators seeded per instance,
/// so a candidate that asks for randomness scores the same every time.
/// </summary>
[StackTraceHidden]
public static class SeededRandom
{
    [ThreadStatic] private static int seed;
    [ThreadStatic] private static int created;
    [ThreadStatic] private static Random? shared;

    /// <summary>Sets the seed for the next call on this thread.</summary>
    public static void Reset(int instanceSeed)
    {
        seed = instanceSeed;
        created = 0;
        shared = null;
    }

    /// <summary>Stands in for <c>new Random()</c>: each creation gets the next seed in a fixed sequence.</summary>
    public static Random Create() => new(unchecked(seed * 31 + ++created));

    /// <summary>Stands in for <c>Random.Shared</c>.</summary>
    public static Random Shared => shared ??= new Random(unchecked(seed * 31));
}
