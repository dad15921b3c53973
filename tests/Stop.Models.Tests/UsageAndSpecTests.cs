using Microsoft.Extensions.AI;
using Stop.Models.Bench;
using Stop.Models.Fixity;
using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Tests.Doubles;
using Stop.Models.Usage;

namespace Stop.Models.Tests;

public sealed class UsageAndSpecTests
{
    [Fact]
    public async Task Usage_AggregatesTokensPerPrefix_AndPricesThemByReportedModel()
    {
        var meter = new UsageMeter(
            new PriceTable(new Dictionary<string, ModelPrice> { ["gpt-4o"] = new(2.5m, 10m) }),
            UsageLimits.None);
        using var client = new ChatClientBuilder(Answering("gpt-4o-2024-08-06", input: 1000, output: 100)).UseUsage(meter).Build();

        await new LanguageModel(client, new(), RequestPosition.Parse("gen0/cand0")).PromptAsync("e", "m", 2);
        await new LanguageModel(client, new(), RequestPosition.Parse("gen0/cand1")).PromptAsync("e", "m", 1);

        Assert.Equal(3300, meter.Total.TotalTokens);
        Assert.Equal(2200, meter.ByPrefix["gen0/cand0"].TotalTokens);
        Assert.Equal(1, meter.ByPrefix["gen0/cand1"].Requests);
        Assert.Equal(3 * ((1000 * 2.5m) + (100 * 10m)) / 1_000_000m, meter.Total.CostUsd);
    }

    [Fact]
    public async Task Usage_RefusesFurtherRequests_OnceTheTokenLimitIsReached()
    {
        var meter = new UsageMeter(PriceTable.Empty, new UsageLimits(MaxTotalTokens: 1500));
        using var client = new ChatClientBuilder(Answering("m", input: 1000, output: 100)).UseUsage(meter).Build();
        var model = new LanguageModel(client, new(), RequestPosition.Parse("gen0"));

        await model.PromptAsync("e", "m");
        await model.PromptAsync("e", "m");
        var error = await Assert.ThrowsAsync<UsageLimitReachedException>(() => model.PromptAsync("e", "m"));

        Assert.Contains("token limit of 1500", error.Message, StringComparison.Ordinal);
        Assert.Equal(2200, error.Totals.TotalTokens);
    }

    [Fact]
    public async Task Fixity_FlagsARun_AnsweredByMoreThanOneModel()
    {
        var fixity = new ModelFixity();
        var calls = 0;
        var inner = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Task.FromResult(
                new ChatResponse(new ChatMessage(ChatRole.Assistant, "x")) { ModelId = Interlocked.Increment(ref calls) == 1 ? "gpt-4-0314" : "gpt-4-0613" }),
        };
        using var client = new ChatClientBuilder(inner).UseModelFixity(fixity).Build();
        var model = new LanguageModel(client, new(), RequestPosition.Parse("gen0"));

        await model.PromptAsync("e", "m");
        Assert.True(fixity.IsFixed);
        await model.PromptAsync("e", "m");

        Assert.False(fixity.IsFixed);
        Assert.Equal(["gpt-4-0314", "gpt-4-0613"], fixity.ModelIds);
    }

    [Theory]
    [InlineData("openai:gpt-4o", "openai", "gpt-4o")]
    [InlineData("ollama:llama3:8b", "ollama", "llama3:8b")]
    [InlineData("Replay:runs/42", "replay", "runs/42")]
    public void Parse_SplitsProviderFromModel_AtTheFirstColon(string text, string provider, string model) =>
        Assert.Equal(new ModelSpec(provider, model), ModelSpec.Parse(text));

    [Theory]
    [InlineData("gpt-4o", "not of the form PROVIDER:MODEL")]
    [InlineData("openai:", "not of the form PROVIDER:MODEL")]
    [InlineData("azure:gpt-4o", "Unknown model provider 'azure'")]
    public void Parse_ExplainsWhatIsWrong_WithAMalformedOrUnknownSpec(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<ModelProviderException>(() => ModelSpec.Parse(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("anthropic:claude-sonnet-4-5", "ANTHROPIC_API_KEY")]
    [InlineData("openai:gpt-4o", "OPENAI_API_KEY")]
    public void Create_NamesTheMissingKeyVariable(string spec, string variable)
    {
        var error = Assert.Throws<ModelProviderException>(() =>
            ModelStack.Create(ModelSpec.Parse(spec), new ModelStackOptions { GetEnvironmentVariable = _ => null }));
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic:claude-sonnet-4-5")]
    [InlineData("ollama:llama3")]
    public async Task Create_BuildsTheProviderStack_WithoutSendingAnything(string spec)
    {
        await using var stack = ModelStack.Create(
            ModelSpec.Parse(spec),
            new ModelStackOptions { GetEnvironmentVariable = name => name == "ANTHROPIC_API_KEY" ? "sk-ant-test" : null });
        Assert.NotNull(stack.Client);
        Assert.Equal(spec, stack.Spec.ToString());
    }

    [Fact]
    public void Create_SaysThereIsNoCassette_WhenReplayingAMissingRun() =>
        Assert.Contains("no cassette", Assert.Throws<ModelProviderException>(() =>
            ModelStack.Create(ModelSpec.Parse("replay:/nonexistent/run"), new ModelStackOptions())).Message, StringComparison.Ordinal);

    [Fact]
    public async Task LatencyBench_HasEveryCompletionOfACallInFlightTogether()
    {
        var result = await LatencyBench.MeasureAsync(completions: 4, latency: TimeSpan.FromMilliseconds(200));

        Assert.Equal(4, result.MaxConcurrentRequests);
        Assert.True(result.PromptRatio > 0.9);
    }

    private static TestChatClient Answering(string modelId, long input, long output) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "x"))
        {
            ModelId = modelId,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output },
        }),
    };
}
