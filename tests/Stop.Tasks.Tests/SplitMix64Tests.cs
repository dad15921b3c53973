using Stop.Tasks.Generation;

namespace Stop.Tasks.Tests;

public sealed class SplitMix64Tests
{
    [Fact]
    public void SplitMix64_ProducesTheReferenceSequence_ForSeed1234567()
    {
        // The published test vector of Vigna's splitmix64.c.
        var rng = new SplitMix64(1234567);
        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()));
    }

    [Fact]
    public void NextInt_CoversTheInclusiveRange_AndNothingOutsideIt()
    {
        var rng = new SplitMix64(1);
        var seen = Enumerable.Range(0, 10_000).Select(_ => rng.NextInt(1, 10)).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 10).ToHashSet(), seen);
    }

    [Fact]
    public void Sample_DrawsDistinctValues_FromTheRange()
    {
        var rng = new SplitMix64(2);
        for (var trial = 0; trial < 1000; trial++)
        {
            var sample = rng.Sample(1, 5, 3);
            Assert.Equal(3, sample.Distinct().Count());
            Assert.All(sample, v => Assert.InRange(v, 1, 5));
        }
    }

    [Fact]
    public void NextDouble_StaysInTheUnitInterval_WithMeanOneHalf()
    {
        var rng = new SplitMix64(3);
        var draws = Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble()).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0, 0.9999999999999999));
        Assert.InRange(draws.Average(), 0.495, 0.505);
    }
}
