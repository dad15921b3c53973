using Microsoft.Extensions.AI;

namespace Stop.Models.Tests.Doubles;

/// <summary>An <see cref="IChatClient"/> whose behaviour is a function, as in Microsoft.Extensions.AI's own tests.</summary>
internal sealed class TestChatClient : IChatClient
{
    public Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> GetResponseAsyncCallback { get; set; } =
        (messages, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo: " + messages.Last().Text)));

    public string? DefaultModelId { get; set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetResponseAsyncCallback(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("test", null, DefaultModelId) : null;

    public void Dispose()
    {
    }
}
