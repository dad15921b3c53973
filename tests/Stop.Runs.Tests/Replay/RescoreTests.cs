using System.Text.Json.Nodes;
using Stop.Runs.Replay;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Tests.Shared;

namespace Stop.Runs.Tests.Replay;

/// <summary>
/// <c>stop replay --rescore</c> rewrites what Stop computed from a run's own responses, and nothing else: a run whose
/// requests would differ is refused.
/// </summary>
public sealed class RescoreTests : IDisposable
{
    private readonly string copy = Path.Combine(Path.GetTempPath(), "stop-rescore-test-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly int earlierRescorings;

    public RescoreTests()
    {
        CopyDirectory(RepositoryRuns.All()[0], copy);
        using var run = RunDirectory.Open(copy, forWriting: false);
        earlierRescorings = run.ReadManifest().Rescored?.Count ?? 0;
    }

    public void Dispose() => Directory.Delete(copy, recursive: true);

    [Fact]
    public async Task ARunWhoseEventsDisagree_IsRescored_ThenReplaysIdentically_AndItsManifestSaysWhy()
    {
        EditFirstEvent(node => node["fuel"] = node["fuel"]!.GetValue<long>() + 1);
        var before = await RunReplay.CheckAsync(copy, new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        var rescored = await RunReplay.RescoreAsync(copy, "a test changed one event's fuel", new SandboxOptions(), NoProgress.Instance, CancellationToken.None);
        var after = await RunReplay.CheckAsync(copy, new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        Assert.False(before.Identical);
        Assert.Contains(before.Divergences, d => d.Contains("fuel", StringComparison.Ordinal));
        Assert.True(rescored.Rescored >= 1);
        Assert.True(after.Identical, string.Join("\n", after.Divergences));
        using var run = RunDirectory.Open(copy, forWriting: false);
        var notes = run.ReadManifest().Rescored!;
        Assert.Equal(earlierRescorings + 1, notes.Count);
        var note = notes[^1];
        Assert.Equal("a test changed one event's fuel", note.Why);
        Assert.Equal(rescored.Rescored, note.EventsChanged);
        Assert.Equal(RunLauncher.StopVersion, note.StopVersion);
    }

    [Fact]
    public async Task ARunWhoseRequestsWouldDiffer_IsNotRescored()
    {
        EditFirstEvent(node => node["fuel"] = node["fuel"]!.GetValue<long>() + 1);
        var cassette = Path.Combine(copy, "cassette.jsonl");
        var lines = File.ReadAllLines(cassette);
        lines[0] = lines[0].Replace("Algorithm", "Algorithn", StringComparison.Ordinal);
        File.WriteAllLines(cassette, lines);
        var events = File.ReadAllText(Path.Combine(copy, "events.jsonl"));

        var report = await RunReplay.RescoreAsync(copy, "should not happen", new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        Assert.False(report.Identical);
        Assert.Equal(0, report.Rescored);
        Assert.Equal(events, File.ReadAllText(Path.Combine(copy, "events.jsonl")));
        using var run = RunDirectory.Open(copy, forWriting: false);
        Assert.Equal(earlierRescorings, run.ReadManifest().Rescored?.Count ?? 0);
    }

    private void EditFirstEvent(Action<JsonObject> edit)
    {
        var path = Path.Combine(copy, "events.jsonl");
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains("\"solution-scored\"", StringComparison.Ordinal));
        var node = JsonNode.Parse(lines[index])!.AsObject();
        edit(node);
        lines[index] = node.ToJsonString();
        File.WriteAllLines(path, lines);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
