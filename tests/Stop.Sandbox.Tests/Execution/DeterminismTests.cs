using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>The same candidate on the same instances gets the same outcome, in any worker, every time.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DeterminismTests(SandboxFixture fixture)
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");

    private const string RandomGuesser = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var rng = new Random();
            var shared = Random.Shared.Next(2);
            return testSamples.Select(_ => (rng.Next(2) + shared) % 2).ToArray();
        }
        """;

    [Fact]
    public async Task RandomWithoutASeed_ScoresTheSameEveryTime()
    {
        var first = await fixture.Sandbox.ScoreAsync(RandomGuesser, Parity, Split.Val);
        var second = await fixture.Sandbox.ScoreAsync(RandomGuesser, Parity, Split.Val);

        Assert.Equal(Verdict.Ok, first.Verdict);
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Instances.Select(i => i.Score), second.Instances.Select(i => i.Score));
    }

    [Fact]
    public async Task FuelCount_IsTheSame_AcrossRepeatsAndRecycledWorkers()
    {
        await using var recycling = new CandidateSandbox(new SandboxOptions { JobsPerWorker = 1, Parallelism = 1 });
        var seed = Parity.SeedSolution;

        var shared = await fixture.Sandbox.ScoreAsync(seed, Parity, Split.Val);
        var fresh1 = await recycling.ScoreAsync(seed, Parity, Split.Val);
        var fresh2 = await recycling.ScoreAsync(seed, Parity, Split.Val);

        Assert.True(shared.Fuel > 0);
        Assert.Equal(shared.Fuel, fresh1.Fuel);
        Assert.Equal(shared.Fuel, fresh2.Fuel);
        Assert.Equal(shared.Score, fresh2.Score);
        Assert.Equal(2, recycling.WorkersStarted);
    }

    [Fact]
    public async Task StaticStateOfOneJob_DoesNotReachTheNext()
    {
        const string counter = """
            public static class Memory { public static int Calls; }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                Memory.Calls++;
                return testSamples.Select(_ => Memory.Calls % 2).ToArray();
            }
            """;
        await using var single = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });

        var first = await single.ScoreAsync(counter, Parity, Split.Val);
        var second = await single.ScoreAsync(counter, Parity, Split.Val);

        Assert.Equal(1, single.WorkersStarted);
        Assert.Equal(first.Score, second.Score);
    }
}
