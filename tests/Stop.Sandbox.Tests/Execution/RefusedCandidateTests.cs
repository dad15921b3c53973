using Stop.Sandbox.Admission.Policy;
using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>Candidates that reach for a refused capability never run: policy-violation, score 0, no side effect.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RefusedCandidateTests(SandboxFixture fixture)
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");
    private static readonly string Marker = Path.Combine(Path.GetTempPath(), $"stop-hostile-{Environment.ProcessId}");

    public static TheoryData<string, PolicyCategory> Hostile() => new()
    {
        { $"System.IO.File.WriteAllText(@\"{Marker}\", \"x\");", PolicyCategory.Files },
        { "new System.Net.Http.HttpClient().GetStringAsync(\"http://127.0.0.1:9/\");", PolicyCategory.Network },
        { $"System.Diagnostics.Process.Start(\"touch\", @\"{Marker}\");", PolicyCategory.Process },
        { "Environment.Exit(3);", PolicyCategory.Environment },
        { "var m = typeof(string).GetMethods();", PolicyCategory.Reflection },
        { "new System.Threading.Thread(() => { while (true) { } }).Start();", PolicyCategory.Threading },
        { "System.Threading.Tasks.Task.Run(() => 1);", PolicyCategory.Threading },
        { "GC.Collect();", PolicyCategory.GarbageCollector },
        { "var now = DateTime.Now;", PolicyCategory.Clock },
        { "Stop.Guest.Runtime.Meter.Reset(long.MaxValue, 1 << 30);", PolicyCategory.Instrumentation },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileCandidate_IsRefusedBeforeItRuns(string statement, PolicyCategory category)
    {
        var code = $$"""
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                {{statement}}
                return new int[testSamples.Length];
            }
            """;

        var evaluation = await fixture.Sandbox.ScoreAsync(code, Parity, Split.Val);

        Assert.Equal(Verdict.PolicyViolation, evaluation.Verdict);
        Assert.Equal(0, evaluation.Score);
        Assert.Contains(evaluation.Violations, v => v.Category == category && v.Line == 3);
        Assert.StartsWith("line 3:", evaluation.Reason);
        Assert.False(File.Exists(Marker));
    }

    [Fact]
    public async Task RandomReachedThroughAnAlias_IsSeededAllTheSame()
    {
        const string code = """
            using R = System.Random;
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                R rng = new();
                return testSamples.Select(_ => rng.Next(2)).ToArray();
            }
            """;

        var first = await fixture.Sandbox.ScoreAsync(code, Parity, Split.Val);
        var second = await fixture.Sandbox.ScoreAsync(code, Parity, Split.Val);

        Assert.Equal(Verdict.Ok, first.Verdict);
        OutcomeAssert.Same(first, second);
    }
}
