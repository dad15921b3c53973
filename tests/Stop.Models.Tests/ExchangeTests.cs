using Microsoft.Extensions.Time.Testing;
using Stop.Models.Exchange;
using Stop.Models.Positions;
using Stop.Models.Providers;
using Stop.Models.Tests.Doubles;

namespace Stop.Models.Tests;

public sealed class ExchangeTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new();

    private string ExchangeDirectory => directory.File("exchange");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Exchange_WritesAReadableRequest_AndReturnsTheAnswerWrittenBesideIt()
    {
        await using var stack = Stack();
        var call = new LanguageModel(stack.Client, new LanguageModelOptions(), RequestPosition.Parse("gen1/cand3"))
            .PromptAsync("You are an expert.", "Improve the algorithm.", nResponses: 2);

        var requestPath = Path.Combine(ExchangeDirectory, "gen1.cand3.call0.k1.request.md");
        for (var i = 0; i < 1000 && !File.Exists(requestPath); i++)
        {
            await Task.Delay(5);
        }
        var request = await File.ReadAllTextAsync(requestPath);
        Assert.Contains("- position: `gen1/cand3/call0/k1`", request, StringComparison.Ordinal);
        Assert.Contains("completion: 2 of 2", request, StringComparison.Ordinal);
        Assert.Contains("max tokens: 1024", request, StringComparison.Ordinal);
        Assert.Contains("You are an expert.", request, StringComparison.Ordinal);
        Assert.Contains("Improve the algorithm.", request, StringComparison.Ordinal);
        Assert.Equal(2, ExchangeFiles.ListPending(ExchangeDirectory).Count);

        await Answer("gen1.cand3.call0.k0", "first answer");
        await Answer("gen1.cand3.call0.k1", "second answer");
        var answers = await time.DriveAsync(call);

        Assert.Equal(["first answer", "second answer"], answers);
        Assert.Empty(ExchangeFiles.ListPending(ExchangeDirectory));
        Assert.Equal(["alice"], stack.Fixity.ModelIds);
    }

    [Fact]
    public async Task Exchange_UsesAnExistingResponseAsIs_SoAResumedRunDoesNotAskAgain()
    {
        Directory.CreateDirectory(ExchangeDirectory);
        await Answer("gen0.call0.k0", "given earlier");
        await using var stack = Stack();

        var answers = await new LanguageModel(stack.Client, new LanguageModelOptions(), RequestPosition.Parse("gen0")).PromptAsync("e", "m");

        Assert.Equal(["given earlier"], answers);
        Assert.False(File.Exists(Path.Combine(ExchangeDirectory, "gen0.call0.k0.request.md")));
    }

    [Fact]
    public async Task Exchange_StopsWaiting_WhenCancelled()
    {
        await using var stack = Stack();
        using var cancel = new CancellationTokenSource();
        var call = new LanguageModel(stack.Client, new LanguageModelOptions(), RequestPosition.Parse("gen0")).PromptAsync("e", "m", ct: cancel.Token);

        for (var i = 0; i < 1000 && ExchangeFiles.ListPending(ExchangeDirectory).Count == 0; i++)
        {
            await Task.Delay(5);
        }
        var pending = Assert.Single(ExchangeFiles.ListPending(ExchangeDirectory));
        Assert.Equal("gen0/call0/k0", pending.Position.Path);
        Assert.Equal("gen0.call0.k0", pending.Id);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private ModelStack Stack() => ModelStack.Create(
        new ModelSpec(ModelSpec.Exchange, "alice"),
        new ModelStackOptions { ExchangeDirectory = ExchangeDirectory, TimeProvider = time });

    private async Task Answer(string id, string text)
    {
        var temporary = Path.Combine(ExchangeDirectory, id + ".partial");
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, Path.Combine(ExchangeDirectory, id + ExchangeFiles.ResponseSuffix));
    }
}
