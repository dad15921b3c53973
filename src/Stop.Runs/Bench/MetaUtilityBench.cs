using System.Diagnostics;
using Stop.Models.Providers;
using Stop.Models.Testing;
using Stop.Runs.Configuration;
using Stop.Runs.MetaUtilities;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;

namespace Stop.Runs.Bench;

/// <summary>
/// How long one meta-utility evaluation of the seed improver takes against a fake endpoint of fixed latency
/// L, in units of c × L, where c = 1 is the longest chain of sequential model calls in one seed improver
/// run. STOP's loop runs the k meta-tests one after another, about k × c × L; the target is 1.5 × c × L.
/// </summary>
public static class MetaUtilityBench
{
    public const double Target = 1.5;

    public static async Task<MetaUtilityBenchResult> MeasureAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        const string answer = """
            ```csharp
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => new int[testSamples.Length];
            ```
            """;
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Completion(answer));
        var options = new RunOptions { Task = "parity_noise", Model = "openai:bench", Endpoint = server.Endpoint.ToString() };
        var scratch = Path.Combine(Path.GetTempPath(), "stop-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var spec = ModelSpec.Parse(options.Model);
            using var directory = RunDirectory.Create(scratch, new RunManifest(RunManifest.CurrentFormat, DateTimeOffset.UtcNow, options, spec.Provider, spec.Model,
                "a fake endpoint (bench)", "bench", "bench", new Dictionary<string, string>(), "", new Dictionary<string, string>()));
            await using var models = ModelStack.Create(spec, new ModelStackOptions { Endpoint = server.Endpoint });
            await using var sandbox = new CandidateSandbox();
            var run = new RunContext(options, sandbox, models.Client, directory, NoProgress.Instance);
            var metaUtility = new MetaUtility(run);

            // Warm up outside the clock: JIT, Roslyn, a worker and the loopback connection are no part of an evaluation.
            server.Latency = TimeSpan.Zero;
            await metaUtility.EvaluateAsync(SeedFiles.SeedImprover, "warm", withTest: false, cancellationToken).ConfigureAwait(false);

            server.Latency = latency;
            var clock = Stopwatch.StartNew();
            await metaUtility.EvaluateAsync(SeedFiles.SeedImprover, "timed", withTest: false, cancellationToken).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            return new MetaUtilityBenchResult(latency, elapsed, options.MetaTests, ChainLength: 1, elapsed / latency);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A scratch copy left in the temporary folder harms nothing.
            }
        }
    }
}

/// <summary>One meta-utility evaluation's wall time against latency L, as a multiple of c × L.</summary>
public sealed record MetaUtilityBenchResult(TimeSpan Latency, TimeSpan Elapsed, int MetaTests, int ChainLength, double Ratio)
{
    /// <summary>What STOP's sequential loop would take, in units of c × L.</summary>
    public double SequentialRatio => MetaTests;

    public bool Passes => Ratio <= MetaUtilityBench.Target * ChainLength;
}
