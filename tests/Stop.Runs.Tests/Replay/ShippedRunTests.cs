using Stop.Tests.Shared;
using Stop.Runs.Replay;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;

namespace Stop.Runs.Tests.Replay;

/// <summary>Every run shipped under <c>runs/</c> replays bit for bit from its cassette, with no model and no network.</summary>
public sealed class ShippedRunTests
{
    public static TheoryData<string> ShippedRuns() => [.. RepositoryRuns.All().Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void TheRepositoryShipsARecordedRun() => Assert.NotEmpty(ShippedRuns());

    [Theory]
    [MemberData(nameof(ShippedRuns))]
    public async Task ShippedRun_ReplaysIdentically(string name)
    {
        var report = await RunReplay.CheckAsync(Path.Combine(RepositoryRuns.Root, "runs", name), new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        Assert.True(report.Identical, string.Join("\n", report.Divergences));
        Assert.True(report.RecordedEvents > 0);
    }
}
