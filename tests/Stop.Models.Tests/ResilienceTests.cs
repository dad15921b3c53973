using Microsoft.Extensions.Time.Testing;
using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Resilience;
using Stop.Models.Testing;

namespace Stop.Models.Tests;

/// <summary>The circuit breaker and the client-side rate limit, over real HTTP to a loopback fake server, on a fake clock.</summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task CircuitOpens_AfterTheConfiguredFailures_AndThenFailsFastWithoutReachingTheServer()
    {
        await using var server = FakeOpenAIServer.Start(r => r.Sequence < 2 ? FakeChatReply.Error(500) : FakeChatReply.Completion("fine"));
        await using var stack = Stack(server, BreakerAfterTwoFailures);
        var model = Model(stack);

        for (var i = 0; i < 2; i++)
        {
            var failure = await Assert.ThrowsAsync<ModelProviderException>(() => model.PromptAsync("e", "m"));
            Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
        }
        var error = await Assert.ThrowsAsync<ModelProviderException>(() => model.PromptAsync("e", "m"));

        Assert.Contains("circuit open", error.Message, StringComparison.Ordinal);
        Assert.Contains("openai:fake-model", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task CircuitStaysOpen_UntilTheBreakDurationHasPassed_ThenClosesAgain()
    {
        await using var server = FakeOpenAIServer.Start(r => r.Sequence < 2 ? FakeChatReply.Error(500) : FakeChatReply.Completion("fine"));
        await using var stack = Stack(server, BreakerAfterTwoFailures);
        var model = Model(stack);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ModelProviderException>(() => model.PromptAsync("e", "m"));
        }

        time.Advance(BreakDuration - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ModelProviderException>(() => model.PromptAsync("e", "m"));
        Assert.Equal(2, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["fine"], await model.PromptAsync("e", "m"));
        Assert.Equal(["fine"], await model.PromptAsync("e", "m"));
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task RateLimit_HoldsTheRequestPastTheLimit_UntilTheFakeClockHasMovedAMinute()
    {
        await using var server = FakeOpenAIServer.Start();
        await using var stack = Stack(server, ResilienceOptions.Default with { RequestsPerMinute = 2 });
        var model = Model(stack);
        Assert.Equal(["echo: first"], await model.PromptAsync("e", "first"));
        Assert.Equal(["echo: second"], await model.PromptAsync("e", "second"));

        var third = model.PromptAsync("e", "third");
        time.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["echo: third"], await third.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, server.RequestCount);
    }

    private static ResilienceOptions BreakerAfterTwoFailures => ResilienceOptions.Default with
    {
        MaxRetryAttempts = 0,
        CircuitBreakerFailureRatio = 1.0,
        CircuitBreakerMinimumThroughput = 2,
        CircuitBreakerBreakDuration = BreakDuration,
    };

    private ModelStack Stack(FakeOpenAIServer server, ResilienceOptions resilience) => ModelStack.Create(
        new ModelSpec(ModelSpec.OpenAI, "fake-model"),
        new ModelStackOptions
        {
            Endpoint = server.Endpoint,
            TimeProvider = time,
            GetEnvironmentVariable = _ => null,
            Resilience = resilience,
        });

    private static LanguageModel Model(ModelStack stack) =>
        new(stack.Client, new LanguageModelOptions(Budget: 10), RequestPosition.Parse("gen0"));
}
