using Stop.Runs.Replay;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;

namespace Stop.Runs.Tests.Replay;

/// <summary>Every run shipped under <c>runs/</c> replays bit for bit from its cassette, with no model and no network.</summary>
public sealed class ShippedRunTests
{
    public static TheoryData<string> ShippedRuns()
    {
        var data = new TheoryData<string>();
        foreach (var run in Directory.EnumerateDirectories(Path.Combine(RepositoryRoot(), "runs")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(run, "manifest.json")))
            {
                data.Add(Path.GetFileName(run));
            }
        }
        return data;
    }

    [Fact]
    public void TheRepositoryShipsARecordedRun() => Assert.NotEmpty(ShippedRuns());

    [Theory]
    [MemberData(nameof(ShippedRuns))]
    public async Task ShippedRun_ReplaysIdentically(string name)
    {
        var report = await RunReplay.CheckAsync(Path.Combine(RepositoryRoot(), "runs", name), new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        Assert.True(report.Identical, string.Join("\n", report.Divergences));
        Assert.True(report.RecordedEvents > 0);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stop.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException("No Stop.sln above the test assembly.");
    }
}
