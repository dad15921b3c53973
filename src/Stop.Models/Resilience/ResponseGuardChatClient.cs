using Microsoft.Extensions.AI;

namespace Stop.Models.Resilience;

/// <summary>
/// Turns bad completions into something the layers above can handle: an empty one becomes a retryable
/// <see cref="EmptyCompletionException"/>, an absurdly long one is cut at the cap and marked truncated.
/// </summary>
public sealed class ResponseGuardChatClient(IChatClient innerClient, ResponseGuardOptions guardOptions) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var text = response.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EmptyCompletionException($"The model{(response.ModelId is null ? "" : $" {response.ModelId}")} returned an empty completion.");
        }
        if (text.Length <= guardOptions.MaxCompletionChars)
        {
            return response;
        }
        var truncated = new ChatResponse(new ChatMessage(ChatRole.Assistant, text[..guardOptions.MaxCompletionChars]))
        {
            ModelId = response.ModelId,
            Usage = response.Usage,
            FinishReason = response.FinishReason,
            ResponseId = response.ResponseId,
            CreatedAt = response.CreatedAt,
            AdditionalProperties = response.AdditionalProperties,
        };
        ResponseMetadata.Set(truncated, ResponseMetadata.TruncatedKey, true);
        return truncated;
    }
}
