using Stop.Models.Cassette;
using Stop.Models.Testing;
using Stop.Runs.Configuration;
using Stop.Runs.Replay;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;

namespace Stop.Runs.Tests.SelfImprovement;

/// <summary>Whole runs against a fake OpenAI-compatible server over real HTTP, then replayed with no model.</summary>
public sealed class SelfImprovementRunTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "stop-run-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SandboxOptions sandbox = new() { WorkerMemoryBytes = 512L << 20 };

    private static RunOptions Options(Uri endpoint) => new()
    {
        Task = "parity_noise",
        Model = "openai:fake-model",
        Endpoint = endpoint.ToString(),
        Iterations = 1,
        MetaTests = 2,
        CallBudget = 1,
        ResponsesPerCall = 5,
    };

    [Fact]
    public async Task Run_SurvivesHostileImprovers_AcceptsTheGoodOne_AndReplaysIdentically()
    {
        var model = new ScriptedModel();
        await using var server = FakeOpenAIServer.Start(model.Answer);
        var dir = Path.Combine(root, "run");

        var result = await RunLauncher.StartAsync(Options(server.Endpoint), dir, sandbox, NoProgress.Instance, CancellationToken.None);

        Assert.Equal([0, 1], result.Generations.Select(g => g.Generation));
        Assert.True(result.Generations[1].Accepted, result.Generations[1].Reason);
        Assert.NotEqual(result.Generations[0].Chosen, result.Generations[1].Chosen);
        Assert.Contains("Prompt(\"You are an expert programmer.\"", File.ReadAllText(Path.Combine(dir, "generations", "gen_1.csx")));
        var events = RunDirectory.ReadEvents(Path.Combine(dir, "events.jsonl"));
        var verdicts = events.OfType<ImproverRan>().Select(r => r.Verdict).ToHashSet();
        Assert.Contains("compile-error", verdicts);
        Assert.Contains("policy-violation", verdicts);
        Assert.Contains("runtime-error", verdicts);
        Assert.Contains(events.OfType<ImproverRan>(), r => r.Reason.Contains("exceeded your call budget", StringComparison.Ordinal));
        Assert.Equal(server.RequestCount, CassetteFile.Read(Path.Combine(dir, "cassette.jsonl")).Count);

        var replay = await RunReplay.CheckAsync(dir, sandbox, NoProgress.Instance, CancellationToken.None);

        Assert.True(replay.Identical, string.Join("\n", replay.Divergences));
        Assert.Equal(events.Count, replay.RecordedEvents);
    }

    [Fact]
    public async Task Replay_RejectsATamperedCassette_NamingWhereItDiverged()
    {
        await using var server = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var dir = Path.Combine(root, "tampered");
        await RunLauncher.StartAsync(Options(server.Endpoint) with { Iterations = 0 }, dir, sandbox, NoProgress.Instance, CancellationToken.None);
        var cassette = Path.Combine(dir, "cassette.jsonl");
        var lines = File.ReadAllLines(cassette);
        var edited = Array.FindIndex(lines, l => l.Contains("bestMask", StringComparison.Ordinal));
        var original = lines[edited];
        lines[edited] = original.Replace("bestMask = mask;", "bestMask = 0;", StringComparison.Ordinal);
        Assert.NotEqual(original, lines[edited]);
        File.WriteAllLines(cassette, lines);

        var replay = await RunReplay.CheckAsync(dir, sandbox, NoProgress.Instance, CancellationToken.None);

        Assert.False(replay.Identical);
        Assert.Contains(replay.Divergences, d => d.StartsWith("g0/eval/m", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptBetter_RejectsAnImproverThatIsNotBetterOnPairedInstances()
    {
        var model = new ScriptedModel { Improver = _ => ScriptedModel.LazyImprover, Solution = _ => ScriptedModel.GoodSolution };
        await using var server = FakeOpenAIServer.Start(model.Answer);

        var result = await RunLauncher.StartAsync(Options(server.Endpoint) with { Accept = AcceptRule.Better }, Path.Combine(root, "better"), sandbox, NoProgress.Instance, CancellationToken.None);

        var proposed = result.Generations[1];
        Assert.False(proposed.Accepted);
        Assert.Contains("sign test", proposed.Reason);
        Assert.Equal(result.Generations[0].Chosen, proposed.Chosen);
    }

    [Fact]
    public async Task Resume_AfterAKillMidRun_AsksTheModelForNoRecordedResponse()
    {
        var dir = Path.Combine(root, "resumed");
        using var kill = new CancellationTokenSource();
        var model = new ScriptedModel();
        await using (var first = FakeOpenAIServer.Start(request =>
        {
            if (request.Sequence == 12)
            {
                kill.Cancel();
            }
            return model.Answer(request);
        }))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                RunLauncher.StartAsync(Options(first.Endpoint), dir, sandbox, NoProgress.Instance, kill.Token));
        }
        var recordedBefore = CassetteFile.Read(Path.Combine(dir, "cassette.jsonl")).Select(e => e.Position).ToHashSet();
        Assert.NotEmpty(recordedBefore);

        await using var second = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var result = await RunLauncher.ResumeAsync(dir, sandbox, NoProgress.Instance, CancellationToken.None, RunDirectory.Open(dir, false).ReadManifest().Options with { Endpoint = second.Endpoint.ToString() });

        var after = CassetteFile.Read(Path.Combine(dir, "cassette.jsonl"));
        Assert.Equal(2, result.Generations.Count);
        Assert.Equal(after.Count, after.Select(e => e.Position).Distinct().Count());
        Assert.Equal(after.Count - recordedBefore.Count, second.RequestCount);
        Assert.True(recordedBefore.IsSubsetOf(after.Select(e => e.Position)));
    }

    [Fact]
    public async Task CostLimit_StopsTheRunCleanly_AndARaisedLimitResumesIt()
    {
        var dir = Path.Combine(root, "limited");
        var prices = new Dictionary<string, Stop.Models.Usage.ModelPrice> { ["fake-model"] = new(100_000m, 100_000m) };
        await using (var first = FakeOpenAIServer.Start(new ScriptedModel().Answer))
        {
            // Each fake completion reports 30 tokens: $3 at these prices, so $20 stops the run after a few.
            var limited = Options(first.Endpoint) with { Prices = prices, MaxCostUsd = 20m };
            await Assert.ThrowsAsync<Stop.Models.Usage.UsageLimitReachedException>(() =>
                RunLauncher.StartAsync(limited, dir, sandbox, NoProgress.Instance, CancellationToken.None));
        }
        var recorded = CassetteFile.Read(Path.Combine(dir, "cassette.jsonl")).Count;
        Assert.InRange(recorded, 1, 20);

        await using var second = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var options = RunDirectory.Open(dir, false).ReadManifest().Options with { Endpoint = second.Endpoint.ToString(), MaxCostUsd = 1_000m };
        var result = await RunLauncher.ResumeAsync(dir, sandbox, NoProgress.Instance, CancellationToken.None, options);

        Assert.Equal(2, result.Generations.Count);
        Assert.Equal(CassetteFile.Read(Path.Combine(dir, "cassette.jsonl")).Count - recorded, second.RequestCount);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
