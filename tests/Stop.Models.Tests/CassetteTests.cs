using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Stop.Models.Cassette;
using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Testing;
using Stop.Models.Tests.Doubles;

namespace Stop.Models.Tests;

public sealed class CassetteTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new();

    private string CassettePath => directory.File(ModelStack.CassetteFileName);

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Replay_ReturnsTheRecordedText_ForEveryPosition()
    {
        var counter = 0;
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Completion($"answer {Interlocked.Increment(ref counter)}"));
        IReadOnlyList<string> recorded;
        await using (var stack = Record(server))
        {
            recorded = await Model(stack.Client, "gen0").PromptAsync("e", "m", 3);
        }

        await using var replay = ModelStack.Create(new ModelSpec(ModelSpec.Replay, directory.Path), new ModelStackOptions());
        var replayed = await Model(replay.Client, "gen0").PromptAsync("e", "m", 3);

        Assert.Equal(recorded, replayed);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Replay_KeysByPosition_WhenTwoModelsSendIdenticalPromptsInADifferentOrder()
    {
        var counter = 0;
        await using var server = FakeOpenAIServer.Start(_ => FakeChatReply.Completion($"answer {Interlocked.Increment(ref counter)}"));
        IReadOnlyList<string> a, b;
        await using (var stack = Record(server))
        {
            var first = Model(stack.Client, "gen0/cand0").PromptAsync("e", "same prompt", 2);
            var second = Model(stack.Client, "gen0/cand1").PromptAsync("e", "same prompt", 2);
            (a, b) = (await first, await second);
        }
        Assert.Equal(4, (a ?? []).Concat(b).Distinct().Count());

        await using var replay = ModelStack.Create(new ModelSpec(ModelSpec.Replay, CassettePath), new ModelStackOptions());
        var replayedB = await Model(replay.Client, "gen0/cand1").PromptAsync("e", "same prompt", 2);
        var replayedA = await Model(replay.Client, "gen0/cand0").PromptAsync("e", "same prompt", 2);

        Assert.Equal(a, replayedA);
        Assert.Equal(b, replayedB);
    }

    [Fact]
    public async Task Replay_NamesThePosition_WhenTheCassetteHasNoRecordOfIt()
    {
        await WriteCassetteAsync(Entry("gen0/call0/k0", "m"));
        await using var replay = ModelStack.Create(new ModelSpec(ModelSpec.Replay, CassettePath), new ModelStackOptions());

        var error = await Assert.ThrowsAsync<ReplayMissException>(() => Model(replay.Client, "gen0").PromptAsync("e", "m", 2));

        Assert.Equal("gen0/call0/k1", error.Position);
        Assert.Contains("gen0/call0/k1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ReportsDivergence_NamingThePositionAndRecordedVersusRequested()
    {
        await WriteCassetteAsync(Entry("gen0/call0/k0", "the recorded prompt"));
        await using var replay = ModelStack.Create(new ModelSpec(ModelSpec.Replay, CassettePath), new ModelStackOptions());

        var error = await Assert.ThrowsAsync<ReplayDivergenceException>(() => Model(replay.Client, "gen0").PromptAsync("e", "an edited prompt"));

        Assert.Equal("gen0/call0/k0", error.Position);
        Assert.Contains("recorded \"the recorded prompt\" vs requested \"an edited prompt\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ReportsDivergence_WhenOnlyTheTemperatureChanged()
    {
        await WriteCassetteAsync(Entry("gen0/call0/k0", "m"));
        await using var replay = ModelStack.Create(new ModelSpec(ModelSpec.Replay, CassettePath), new ModelStackOptions());

        var error = await Assert.ThrowsAsync<ReplayDivergenceException>(() => Model(replay.Client, "gen0").PromptAsync("e", "m", temperature: 0.9));

        Assert.Contains("temperature: recorded 0.7 vs requested 0.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_SendsOnlyPositionsNotYetRecorded_AndAppendsThem()
    {
        await using var server = FakeOpenAIServer.Start(r => FakeChatReply.Completion($"fresh {r.User}"));
        await using (var first = Record(server))
        {
            await Model(first.Client, "gen0").PromptAsync("e", "one", 2);
        }
        Assert.Equal(2, server.RequestCount);

        await using (var resumed = Record(server))
        {
            var model = Model(resumed.Client, "gen0");
            Assert.Equal(["fresh one", "fresh one"], await model.PromptAsync("e", "one", 2));
            Assert.Equal(["fresh two"], await model.PromptAsync("e", "two"));
        }

        Assert.Equal(3, server.RequestCount);
        Assert.Equal("two", server.Requests[2].User);
        var positions = CassetteFile.Read(CassettePath).Select(e => e.Position).ToList();
        Assert.Equal(["gen0/call0/k0", "gen0/call0/k1", "gen0/call1/k0"], positions.Order().ToList());
    }

    [Fact]
    public async Task Read_SkipsALastLineCutShortByACrash_AndTheWriterClosesItOff()
    {
        await WriteCassetteAsync(Entry("gen0/call0/k0", "m"));
        await File.AppendAllTextAsync(CassettePath, "{\"position\":\"gen0/ca");

        Assert.Single(CassetteFile.Read(CassettePath));
        await using (var writer = CassetteWriter.Open(CassettePath))
        {
            await writer.AppendAsync(Entry("gen0/call1/k0", "m"));
        }
        Assert.Throws<InvalidDataException>(() => CassetteFile.Read(CassettePath));
    }

    [Fact]
    public async Task Record_StoresTruncationAndAttempts_OfEachEntry()
    {
        var inner = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, new string('x', 50)))),
        };
        await using (var writer = CassetteWriter.Open(CassettePath))
        {
            using var client = new ChatClientBuilder(inner)
                .UseCassette(writer, timeProvider: time)
                .Use(i => new Stop.Models.Resilience.ResilienceChatClient(i, Stop.Models.Resilience.ResilienceOptions.Default, time))
                .Use(i => new Stop.Models.Resilience.ResponseGuardChatClient(i, new Stop.Models.Resilience.ResponseGuardOptions(MaxCompletionChars: 10)))
                .Build();
            var answer = await Model(client, "gen0").PromptAsync("e", "m");
            Assert.Equal(new string('x', 10), answer[0]);
        }

        var entry = Assert.Single(CassetteFile.Read(CassettePath));
        Assert.True(entry.Truncated);
        Assert.Equal(1, entry.Attempts);
        Assert.StartsWith("sha256:", entry.Fingerprint, StringComparison.Ordinal);
    }

    private ModelStack Record(FakeOpenAIServer server) => ModelStack.Create(
        new ModelSpec(ModelSpec.OpenAI, "fake-model"),
        new ModelStackOptions { Endpoint = server.Endpoint, CassettePath = CassettePath, TimeProvider = time, GetEnvironmentVariable = _ => null });

    private static LanguageModel Model(IChatClient client, string prefix) =>
        new(client, new LanguageModelOptions(), RequestPosition.Parse(prefix));

    private async Task WriteCassetteAsync(params CassetteEntry[] entries)
    {
        await using var writer = CassetteWriter.Open(CassettePath);
        foreach (var entry in entries)
        {
            await writer.AppendAsync(entry);
        }
    }

    private static CassetteEntry Entry(string position, string user)
    {
        var request = new RecordedRequest([new("system", "e"), new("user", user)], 0.7, 1024, "fake-model");
        return new CassetteEntry(position, request.Messages, request.Temperature, request.MaxTokens, request.Model, request.Fingerprint(),
            $"recorded at {position}", "fake-model", 1, 2, 3.0, 1, false, DateTimeOffset.UnixEpoch);
    }
}
