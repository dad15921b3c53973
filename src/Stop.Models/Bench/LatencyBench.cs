using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Testing;

namespace Stop.Models.Bench;

/// <summary>What <see cref="LatencyBench.MeasureAsync"/> measured.</summary>
/// <param name="Completions">Completions per call.</param>
/// <param name="Latency">The fake server's fixed latency L.</param>
/// <param name="PromptElapsed">Wall time of one Prompt of n completions.</param>
/// <param name="BatchElapsed">Wall time of one BatchPrompt of n messages.</param>
/// <param name="MaxConcurrentRequests">The most requests the server saw in flight at once.</param>
public sealed record LatencyBenchResult(int Completions, TimeSpan Latency, TimeSpan PromptElapsed, TimeSpan BatchElapsed, int MaxConcurrentRequests)
{
    /// <summary>PromptElapsed / L: about 1 when completions run concurrently, about n when they do not.</summary>
    public double PromptRatio => PromptElapsed / Latency;

    /// <summary>BatchElapsed / L.</summary>
    public double BatchRatio => BatchElapsed / Latency;
}

/// <summary>For <c>stop bench</c>: shows that n completions of one call take about L, not n×L.</summary>
public static class LatencyBench
{
    /// <summary>
    /// Starts a loopback fake server with latency <paramref name="latency"/>, and through the real OpenAI client
    /// and Stop's whole middleware stack makes one Prompt of <paramref name="completions"/> completions and one
    /// BatchPrompt of as many messages.
    /// </summary>
    public static async Task<LatencyBenchResult> MeasureAsync(int completions = 6, TimeSpan? latency = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(completions);
        var l = latency ?? TimeSpan.FromMilliseconds(500);
        await using var server = FakeOpenAIServer.Start();
        server.Latency = l;
        await using var stack = ModelStack.Create(
            new ModelSpec(ModelSpec.OpenAI, "fake-model"),
            new ModelStackOptions { Endpoint = server.Endpoint, GetEnvironmentVariable = _ => null });
        var model = new LanguageModel(
            stack.Client,
            new LanguageModelOptions(Budget: 2, MaxResponsesPerCall: completions, Concurrency: completions),
            RequestPosition.Parse("bench"));

        var started = TimeProvider.System.GetTimestamp();
        await model.PromptAsync("You are a benchmark.", "Say anything.", completions, ct: ct).ConfigureAwait(false);
        var prompt = TimeProvider.System.GetElapsedTime(started);

        started = TimeProvider.System.GetTimestamp();
        await model.BatchPromptAsync("You are a benchmark.", Enumerable.Range(0, completions).Select(i => $"Say {i}."), ct: ct).ConfigureAwait(false);
        var batch = TimeProvider.System.GetElapsedTime(started);

        return new LatencyBenchResult(completions, l, prompt, batch, server.MaxConcurrentRequests);
    }
}
