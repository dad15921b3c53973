using Microsoft.Extensions.AI;

namespace Stop.Models.Fixity;

/// <summary>Collects the model id every response reports into a <see cref="ModelFixity"/>.</summary>
public sealed class ModelFixityChatClient(IChatClient innerClient, ModelFixity fixity) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        fixity.Observe(response.ModelId);
        return response;
    }
}
