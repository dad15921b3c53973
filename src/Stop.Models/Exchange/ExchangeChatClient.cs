using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Stop.Models.Positions;

namespace Stop.Models.Exchange;

/// <summary>
/// A provider answered by files: each request is written as a readable <c>&lt;id&gt;.request.md</c> and the
/// answer read from <c>&lt;id&gt;.response.md</c> when someone (a person, another tool, another model) writes it.
/// An existing response is used as is, so a resumed run picks up answers already given. The label names who
/// answered and is reported as the model id.
/// </summary>
public sealed class ExchangeChatClient : IChatClient
{
    private readonly string directory;
    private readonly string label;
    private readonly ExchangeOptions options;
    private readonly TimeProvider time;

    public ExchangeChatClient(string directory, string label, ExchangeOptions options, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.directory = directory;
        this.label = label;
        this.options = options;
        time = timeProvider;
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var position = options.RequirePosition("The exchange provider");
        var responsePath = ExchangeFiles.ResponsePath(directory, position);
        if (await TryReadAsync(responsePath, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            Directory.CreateDirectory(directory);
            await WriteAtomicallyAsync(ExchangeFiles.RequestPath(directory, position), Describe(position, messages, options), cancellationToken)
                .ConfigureAwait(false);
            do
            {
                await Task.Delay(this.options.EffectivePollInterval, time, cancellationToken).ConfigureAwait(false);
                text = await TryReadAsync(responsePath, cancellationToken).ConfigureAwait(false);
            }
            while (text is null);
        }
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = label, CreatedAt = time.GetUtcNow() };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The exchange provider answers whole responses; streaming is not supported.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata)
            ? new ChatClientMetadata("exchange", new Uri(Path.GetFullPath(directory)), label)
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    // An empty or still-locked file is someone mid-write; it is looked at again on the next poll.
    private static async Task<string?> TryReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var text = await File.ReadAllTextAsync(path, Encoding.UTF8, ct).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken ct)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, Encoding.UTF8, ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Describe(RequestPosition position, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var count = options.GetCompletionCount();
        var k = position.Segments.LastOrDefault() is { } last && last.StartsWith('k') && int.TryParse(last[1..], CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Request {position}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- position: `{position}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- completion: {k + 1} of {count} (k = {k}); each completion is answered independently")
            .AppendLine(CultureInfo.InvariantCulture, $"- temperature: {options?.Temperature?.ToString(CultureInfo.InvariantCulture) ?? "default"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- max tokens: {options?.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "default"}")
            .AppendLine(CultureInfo.InvariantCulture, $"- answer: write the completion, as is, to `{position.FileId}{ExchangeFiles.ResponseSuffix}` in this directory (write elsewhere, then rename)");
        foreach (var message in messages)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"## {CultureInfo.InvariantCulture.TextInfo.ToTitleCase(message.Role.Value)}")
                .AppendLine()
                .AppendLine(message.Text);
        }
        return text.ToString();
    }
}
