namespace Stop.Tasks.Generation;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, 2014; the seeding generator of xoshiro), written out
/// here so instances never depend on <see cref="Random"/>, whose algorithm .NET may change.
/// Every draw is defined in this file, so the same seed gives the same instance on any machine and runtime.
/// </summary>
public sealed class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/> (numpy's <c>binomial(1, p)</c>).</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;

    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>] (Python's <c>randint</c>), without modulo bias.</summary>
    public int NextInt(int minInclusive, int maxInclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minInclusive, maxInclusive);
        var range = (ulong)((long)maxInclusive - minInclusive) + 1;
        // Rejection sampling: discard the top partial block so every value is equally likely.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);
        return (int)((long)minInclusive + (long)(draw % range));
    }

    /// <summary><paramref name="count"/> distinct integers from [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>] in draw order (Python's <c>random.sample</c>).</summary>
    public int[] Sample(int minInclusive, int maxInclusive, int count)
    {
        var pool = Enumerable.Range(minInclusive, maxInclusive - minInclusive + 1).ToArray();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, pool.Length);
        for (var i = 0; i < count; i++)
        {
            var j = NextInt(i, pool.Length - 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A seed for a candidate's <c>new Random()</c>, drawn from this sequence.</summary>
    public int NextRandomSeed() => (int)(NextUInt64() >> 33);

    /// <summary>The generator for instance <paramref name="index"/> of a split whose STOP base seed is <paramref name="baseSeed"/> (STOP seeds with base + index).</summary>
    public static SplitMix64 ForInstance(int baseSeed, int index) => new((ulong)((long)baseSeed + index));
}
