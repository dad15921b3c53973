using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Stop.Models.Positions;
using Stop.Models.Resilience;

namespace Stop.Models.Cassette;

/// <summary>
/// Records every exchange into a cassette, keyed by position and written in completion order. Given the
/// entries of an earlier session (resume), positions already recorded are answered from them and only new
/// positions reach the provider, so a resumed run never pays twice.
/// </summary>
public sealed class RecordingChatClient : DelegatingChatClient
{
    private readonly CassetteWriter writer;
    private readonly CassetteAnswers recorded;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, byte> sent = new(StringComparer.Ordinal);

    public RecordingChatClient(IChatClient innerClient, CassetteWriter writer, IEnumerable<CassetteEntry> recorded, TimeProvider timeProvider)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.writer = writer;
        this.recorded = new CassetteAnswers(recorded);
        time = timeProvider;
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var position = options.RequirePosition("The cassette").Path;
        var chat = messages as IList<ChatMessage> ?? messages.ToList();
        var request = RecordedRequest.From(chat, options, InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId);
        if (recorded.TryAnswer(position, request) is { } answer)
        {
            return answer;
        }
        if (!sent.TryAdd(position, 0))
        {
            throw new InvalidOperationException($"Position {position} was requested twice in one run; positions must be unique.");
        }
        var started = time.GetTimestamp();
        var response = await base.GetResponseAsync(chat, options, cancellationToken).ConfigureAwait(false);
        var entry = new CassetteEntry(
            position,
            request.Messages,
            request.Temperature,
            request.MaxTokens,
            request.Model,
            request.Fingerprint(),
            response.Text,
            response.ModelId,
            response.Usage?.InputTokenCount,
            response.Usage?.OutputTokenCount,
            time.GetElapsedTime(started).TotalMilliseconds,
            ResponseMetadata.Get<int>(response, ResponseMetadata.AttemptsKey) ?? 1,
            ResponseMetadata.Get<bool>(response, ResponseMetadata.TruncatedKey) ?? false,
            time.GetUtcNow());
        await writer.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The cassette records whole responses; streaming is not supported.");
}
