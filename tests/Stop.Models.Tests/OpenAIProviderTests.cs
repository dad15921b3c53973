using Microsoft.Extensions.Time.Testing;
using Stop.Models.Cassette;
using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Resilience;
using Stop.Models.Testing;
using Stop.Models.Tests.Doubles;

namespace Stop.Models.Tests;

/// <summary>The real OpenAI client speaking real HTTP to a loopback fake server.</summary>
public sealed class OpenAIProviderTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Prompt_ReturnsTheServersCompletions_AndRecordsModelAndUsage()
    {
        await using var server = FakeOpenAIServer.Start(r => FakeChatReply.Completion($"answer to {r.User}", model: "fake-model-0613"));
        await using var stack = Stack(server);
        var model = Model(stack, "gen0");

        var answers = await model.PromptAsync("You are an expert.", "improve this", nResponses: 2, temperature: 0.3);

        Assert.Equal(["answer to improve this", "answer to improve this"], answers);
        var request = server.Requests[0];
        Assert.Equal("You are an expert.", request.System);
        Assert.Equal("fake-model", request.Model);
        Assert.Equal(0.3, request.Temperature!.Value, 3);
        Assert.Equal(1024, request.MaxTokens);
        Assert.DoesNotContain("stop.", request.Body, StringComparison.Ordinal);
        var entry = CassetteFile.Read(directory.File("cassette.jsonl")).Single(e => e.Position == "gen0/call0/k1");
        Assert.Equal("fake-model-0613", entry.ModelId);
        Assert.Equal(10, entry.InputTokens);
        Assert.Equal(20, entry.OutputTokens);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(["fake-model-0613"], stack.Fixity.ModelIds);
        Assert.Equal(60, stack.Usage.Total.TotalTokens);
    }

    [Fact]
    public async Task Prompt_WaitsForRetryAfter_On429_ThenSucceeds()
    {
        await using var server = FakeOpenAIServer.Start(r => r.Sequence == 0 ? FakeChatReply.Error(429, retryAfter: "30") : FakeChatReply.Completion("fine"));
        await using var stack = Stack(server);

        var call = Model(stack, "gen0").PromptAsync("e", "m");
        await server.WaitForRequestsAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilTimersAreArmedAsync();
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.Equal(1, server.RequestCount);

        var answers = await time.DriveAsync(call);
        Assert.Equal(["fine"], answers);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, CassetteFile.Read(directory.File("cassette.jsonl")).Single().Attempts);
    }

    [Fact]
    public async Task Prompt_Retries_AfterAServerError()
    {
        await using var server = FakeOpenAIServer.Start(r => r.Sequence < 2 ? FakeChatReply.Error(500) : FakeChatReply.Completion("recovered"));
        await using var stack = Stack(server);

        var answers = await time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m"));

        Assert.Equal(["recovered"], answers);
        Assert.Equal(3, CassetteFile.Read(directory.File("cassette.jsonl")).Single().Attempts);
    }

    [Fact]
    public async Task Prompt_TimesOutAHangingAttempt_AndRetries()
    {
        await using var server = FakeOpenAIServer.Start(r => r.Sequence == 0 ? FakeChatReply.Hang(TimeSpan.FromMinutes(5)) : FakeChatReply.Completion("second try"));
        await using var stack = Stack(server, ResilienceOptions.Default with { AttemptTimeout = TimeSpan.FromSeconds(20) });

        var answers = await time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m"));

        Assert.Equal(["second try"], answers);
        Assert.Equal(2, CassetteFile.Read(directory.File("cassette.jsonl")).Single().Attempts);
    }

    [Fact]
    public async Task Prompt_ReportsAMalformedBody_AsAClearProviderError()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Malformed("{ this is not json"));
        await using var stack = Stack(server);

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m")));

        Assert.Contains("malformed", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("openai:fake-model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_RetriesAnEmptyCompletion_ThenGivesUpWithAClearError()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Completion(""));
        await using var stack = Stack(server, ResilienceOptions.Default with { MaxRetryAttempts = 2 });

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m")));

        Assert.Contains("empty completions", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Prompt_SaysTheModelWasNotFound_OnA404()
    {
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Error(404));
        await using var stack = Stack(server);

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m")));

        Assert.Contains("model 'fake-model' was not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Prompt_SaysTheEndpointIsUnreachable_WhenNothingListens()
    {
        Uri endpoint;
        await using (var gone = FakeOpenAIServer.Start())
        {
            endpoint = gone.Endpoint;
        }
        await using var stack = ModelStack.Create(
            new ModelSpec(ModelSpec.OpenAI, "fake-model"),
            new ModelStackOptions
            {
                Endpoint = endpoint,
                TimeProvider = time,
                GetEnvironmentVariable = _ => null,
                Resilience = ResilienceOptions.Default with { MaxRetryAttempts = 2 },
            });

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => time.DriveAsync(Model(stack, "gen0").PromptAsync("e", "m")));

        Assert.Contains("Could not reach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_HasAllCompletionsOfOneCallInFlightAtOnce()
    {
        const int n = 5;
        FakeOpenAIServer? server = null;
        server = FakeOpenAIServer.Start(async (request, ct) =>
        {
            // Hold every reply until all n requests of its call have arrived (or give up after ~10 s so a failure cannot hang).
            var callEnd = ((request.Sequence / n) + 1) * n;
            for (var i = 0; i < 2000 && server!.RequestCount < callEnd; i++)
            {
                await Task.Delay(5, ct);
            }
            return FakeChatReply.Completion("together");
        });
        await using var _ = server;
        await using var stack = Stack(server);
        var model = new LanguageModel(stack.Client, new LanguageModelOptions(MaxResponsesPerCall: n, Concurrency: n), RequestPosition.Parse("gen0"));

        await model.PromptAsync("e", "m", nResponses: n);
        Assert.Equal(n, server.MaxConcurrentRequests);
        await model.BatchPromptAsync("e", Enumerable.Range(0, n).Select(i => $"m{i}"));
        Assert.Equal(n, server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task NoFileWritten_EverContainsTheApiKey()
    {
        const string key = "sk-test-DISTINCTIVE-7f3a9c2e51";
        var previous = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", key);
        try
        {
            await using var server = FakeOpenAIServer.Start();
            await using (var stack = ModelStack.Create(
                new ModelSpec(ModelSpec.OpenAI, "fake-model"),
                new ModelStackOptions { Endpoint = server.Endpoint, CassettePath = directory.File("cassette.jsonl"), TimeProvider = time }))
            {
                await Model(stack, "gen0").PromptAsync("e", "m", 2);
            }
            var exchangeDirectory = directory.File("exchange");
            await using (var exchange = ModelStack.Create(
                new ModelSpec(ModelSpec.Exchange, "alice"),
                new ModelStackOptions { ExchangeDirectory = exchangeDirectory, CassettePath = directory.File("exchange.jsonl"), TimeProvider = time }))
            {
                Directory.CreateDirectory(exchangeDirectory);
                await File.WriteAllTextAsync(Path.Combine(exchangeDirectory, "gen0.call0.k0.response.md"), "an answer");
                await Model(exchange, "gen0").PromptAsync("e", "m");
            }

            Assert.Equal($"Bearer {key}", server.Requests[0].Authorization);
            var files = Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories).ToList();
            Assert.True(files.Count >= 3);
            Assert.All(files, file => Assert.DoesNotContain(key, File.ReadAllText(file), StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", previous);
        }
    }

    private ModelStack Stack(FakeOpenAIServer server, ResilienceOptions? resilience = null) => ModelStack.Create(
        new ModelSpec(ModelSpec.OpenAI, "fake-model"),
        new ModelStackOptions
        {
            Endpoint = server.Endpoint,
            CassettePath = directory.File("cassette.jsonl"),
            TimeProvider = time,
            GetEnvironmentVariable = _ => null,
            Resilience = resilience ?? ResilienceOptions.Default,
        });

    private static LanguageModel Model(ModelStack stack, string prefix) =>
        new(stack.Client, new LanguageModelOptions(), RequestPosition.Parse(prefix));

    // The retry's delay timer is armed right after the 429 arrives; give the client a moment to get there.
    private static Task WaitUntilTimersAreArmedAsync() => Task.Delay(200);
}
