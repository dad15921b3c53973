using Microsoft.Extensions.AI;
using Stop.Models.Positions;

namespace Stop.Models.Usage;

/// <summary>Meters tokens and cost of every response, and refuses to send once a usage limit is reached.</summary>
public sealed class UsageChatClient(IChatClient innerClient, UsageMeter meter) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        meter.ThrowIfLimitReached();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        meter.Record(
            options.GetPosition(),
            response.ModelId ?? options?.ModelId,
            response.Usage?.InputTokenCount ?? 0,
            response.Usage?.OutputTokenCount ?? 0);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Usage is metered on whole responses; streaming is not supported.");
}
