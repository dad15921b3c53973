using Microsoft.Extensions.AI;
using Stop.Models.Positions;

namespace Stop.Models;

/// <summary>
/// The language model an improver sees, with STOP's semantics: a fixed budget of calls, each returning
/// several independent completions. Every completion is its own chat request, keyed by its position
/// <c>{prefix}/call{c}/k{k}</c>, which is fixed before the request is sent.
/// </summary>
public sealed class LanguageModel
{
    private readonly IChatClient client;
    private readonly LanguageModelOptions options;
    private readonly SemaphoreSlim inFlight;
    private readonly Lock gate = new();
    private int callsMade;

    public LanguageModel(IChatClient client, LanguageModelOptions options, RequestPosition prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxResponsesPerCall);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Concurrency);
        this.client = client;
        this.options = options;
        Prefix = prefix;
        inFlight = new SemaphoreSlim(options.Concurrency);
    }

    /// <summary>The total number of calls allowed.</summary>
    public int Budget => options.Budget;

    /// <summary>The most completions one call may ask for.</summary>
    public int MaxResponsesPerCall => options.MaxResponsesPerCall;

    /// <summary>Calls accepted so far.</summary>
    public int CallsMade
    {
        get
        {
            lock (gate)
            {
                return callsMade;
            }
        }
    }

    /// <summary>The caller's position prefix, such as <c>gen1/cand3/meta2</c>.</summary>
    public RequestPosition Prefix { get; }

    /// <summary>Asks <paramref name="nResponses"/> independent completions of one message; counts one call.</summary>
    public Task<IReadOnlyList<string>> PromptAsync(
        string expertise, string message, int nResponses = 1, double temperature = 0.7, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(expertise);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nResponses);
        var call = StartCall(nResponses, "responses");
        return RunAsync(call, Enumerable.Repeat(message, nResponses).ToArray(), expertise, temperature, ct);
    }

    /// <summary>Asks one completion per message; counts one call.</summary>
    public Task<IReadOnlyList<string>> BatchPromptAsync(
        string expertise, IEnumerable<string> messages, double temperature = 0.7, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(expertise);
        ArgumentNullException.ThrowIfNull(messages);
        var batch = messages.ToArray();
        if (batch.Any(m => m is null))
        {
            throw new ArgumentException("A batch message is null.", nameof(messages));
        }
        var call = StartCall(batch.Length, "messages in a batch");
        return RunAsync(call, batch, expertise, temperature, ct);
    }

    // The call number is taken synchronously, before any await, so positions follow the caller's program
    // order rather than the order in which requests happen to be scheduled.
    private RequestPosition StartCall(int count, string what)
    {
        if (count > options.MaxResponsesPerCall)
        {
            throw new LanguageModelBudgetException(
                $"Error: You asked for {count} {what} in one call, but at most {options.MaxResponsesPerCall} are allowed per call.");
        }
        lock (gate)
        {
            if (callsMade >= options.Budget)
            {
                throw new LanguageModelBudgetException(
                    $"Error: You have exceeded your call budget of {options.Budget} language model calls.");
            }
            return Prefix.Append($"call{callsMade++}");
        }
    }

    private async Task<IReadOnlyList<string>> RunAsync(
        RequestPosition call, string[] messages, string expertise, double temperature, CancellationToken ct)
    {
        // One failed completion fails the call; its siblings are cancelled rather than left running.
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = messages
            .Select((message, k) => CompleteAsync(call.Append($"k{k}"), messages.Length, expertise, message, temperature, siblings))
            .ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<string> CompleteAsync(
        RequestPosition position, int count, string expertise, string message, double temperature, CancellationTokenSource siblings)
    {
        var ct = siblings.Token;
        var chatOptions = new ChatOptions
        {
            Temperature = (float)temperature,
            MaxOutputTokens = options.MaxTokens,
            ModelId = options.Model,
        }.WithPosition(position, count);
        ChatMessage[] chat = [new(ChatRole.System, expertise), new(ChatRole.User, message)];
        await inFlight.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var response = await client.GetResponseAsync(chat, chatOptions, ct).ConfigureAwait(false);
            return response.Text;
        }
        catch
        {
            await siblings.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            inFlight.Release();
        }
    }
}
