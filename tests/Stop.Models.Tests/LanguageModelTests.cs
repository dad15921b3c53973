using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Stop.Models.Positions;
using Stop.Models.Tests.Doubles;

namespace Stop.Models.Tests;

public sealed class LanguageModelTests
{
    private static readonly RequestPosition Prefix = RequestPosition.Parse("gen1/cand0");

    [Fact]
    public async Task Prompt_AllowsBudgetCalls_ThenThrowsTheCallBudgetMessage()
    {
        var model = new LanguageModel(new TestChatClient(), new LanguageModelOptions(Budget: 2), Prefix);
        await model.PromptAsync("expert", "a");
        await model.BatchPromptAsync("expert", ["b", "c"]);
        Assert.Equal(2, model.CallsMade);

        var error = await Assert.ThrowsAsync<LanguageModelBudgetException>(() => model.PromptAsync("expert", "d"));
        Assert.Contains("You have exceeded your call budget", error.Message);
        Assert.Equal(2, model.CallsMade);
        Assert.Equal(2, model.Budget);
    }

    [Fact]
    public async Task Prompt_Throws_WhenAskingForMoreThanMaxResponsesPerCall()
    {
        var model = new LanguageModel(new TestChatClient(), new LanguageModelOptions(MaxResponsesPerCall: 3), Prefix);
        var error = await Assert.ThrowsAsync<LanguageModelBudgetException>(() => model.PromptAsync("expert", "a", nResponses: 4));
        Assert.Contains("at most 3", error.Message);
        await Assert.ThrowsAsync<LanguageModelBudgetException>(() => model.BatchPromptAsync("expert", ["1", "2", "3", "4"]));
        Assert.Equal(0, model.CallsMade);
    }

    [Fact]
    public async Task Prompt_SendsOneRequestPerCompletion_KeyedByCallAndCompletionIndex()
    {
        var seen = new ConcurrentBag<(string Position, string System, string User, float? Temperature, int? MaxTokens, int Count)>();
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = (messages, options, _) =>
            {
                var chat = messages.ToList();
                seen.Add((options.GetPosition()!.Path, chat[0].Text, chat[1].Text, options!.Temperature, options.MaxOutputTokens, options.GetCompletionCount()));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, options.GetPosition()!.Path)));
            },
        };
        var model = new LanguageModel(client, new LanguageModelOptions(), Prefix);

        var first = await model.PromptAsync("You are an expert.", "improve", nResponses: 3, temperature: 0.4);
        var second = await model.BatchPromptAsync("You are an expert.", ["x", "y"]);

        Assert.Equal(["gen1/cand0/call0/k0", "gen1/cand0/call0/k1", "gen1/cand0/call0/k2"], first);
        Assert.Equal(["gen1/cand0/call1/k0", "gen1/cand0/call1/k1"], second);
        Assert.All(seen, s => Assert.Equal("You are an expert.", s.System));
        Assert.All(seen, s => Assert.Equal(1024, s.MaxTokens));
        Assert.Equal(0.4f, seen.Single(s => s.Position == "gen1/cand0/call0/k1").Temperature);
        Assert.Equal(3, seen.Single(s => s.Position == "gen1/cand0/call0/k2").Count);
        Assert.Equal("y", seen.Single(s => s.Position == "gen1/cand0/call1/k1").User);
    }

    [Fact]
    public async Task Prompt_RunsCompletionsConcurrently_UpToTheConcurrencyLimit()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var release = new TaskCompletionSource();
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, _, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                if (now == 2)
                {
                    release.TrySetResult();
                }
                await release.Task.WaitAsync(ct);
                Interlocked.Decrement(ref inFlight);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, "done"));
            },
        };
        var model = new LanguageModel(client, new LanguageModelOptions(Concurrency: 2), Prefix);

        var answers = await model.PromptAsync("e", "m", nResponses: 6).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(6, answers.Count);
        Assert.Equal(2, maxInFlight);
    }

    [Fact]
    public async Task Prompt_FailsTheWholeCall_WhenOneCompletionFails()
    {
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, options, ct) =>
            {
                if (options.GetPosition()!.Path.EndsWith("k1", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("provider down");
                }
                await Task.Delay(Timeout.Infinite, ct);
                return new ChatResponse();
            },
        };
        var model = new LanguageModel(client, new LanguageModelOptions(), Prefix);
        await Assert.ThrowsAsync<InvalidOperationException>(() => model.PromptAsync("e", "m", 3).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
