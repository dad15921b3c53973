using Stop.Models.Testing;
using Stop.Runs.Tests.SelfImprovement;
using Stop.Runs.Configuration;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;

namespace Stop.Reports.Tests.Fixtures;

/// <summary>
/// One real run, recorded once per test class: a self-improvement run against a fake OpenAI-compatible
/// server over real HTTP, with real sandbox workers, so the report is built from what a run really writes.
/// </summary>
public sealed class RecordedRunFixture : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "stop-report-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The run directory.</summary>
    public string RunDirectory => Path.Combine(root, "run");

    public async Task InitializeAsync()
    {
        await using var server = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var options = new RunOptions
        {
            Task = "parity_noise",
            Model = "openai:fake-model",
            Endpoint = server.Endpoint.ToString(),
            Iterations = 2,
            MetaTests = 2,
            CallBudget = 1,
            ResponsesPerCall = 5,
        };
        await RunLauncher.StartAsync(options, RunDirectory, new SandboxOptions { WorkerMemoryBytes = 512L << 20 }, NoProgress.Instance, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        return Task.CompletedTask;
    }
}
