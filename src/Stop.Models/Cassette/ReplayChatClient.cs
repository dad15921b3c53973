using Microsoft.Extensions.AI;
using Stop.Models.Positions;

namespace Stop.Models.Cassette;

/// <summary>
/// A provider that answers only from a recorded cassette: a position it has no record of is a
/// <see cref="ReplayMissException"/>, a request that differs from the one recorded there a
/// <see cref="ReplayDivergenceException"/>. Nothing is ever sent anywhere.
/// </summary>
public sealed class ReplayChatClient(IEnumerable<CassetteEntry> entries) : IChatClient
{
    private readonly CassetteAnswers answers = new(entries);

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var position = options.RequirePosition("Replay").Path;
        var answer = answers.TryAnswer(position, RecordedRequest.From(messages, options))
            ?? throw new ReplayMissException(position);
        return Task.FromResult(answer);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Replay answers whole responses; streaming is not supported.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata)
            ? new ChatClientMetadata("replay", null, answers.ModelIds.Count() == 1 ? answers.ModelIds.Single() : null)
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
