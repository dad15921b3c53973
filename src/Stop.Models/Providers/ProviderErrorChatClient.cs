using System.Text.Json;
using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Stop.Models.Resilience;

namespace Stop.Models.Providers;

/// <summary>
/// Sits just outside the resilience layer and turns whatever a provider finally failed with into a
/// <see cref="ModelProviderException"/> whose message says what to do about it.
/// </summary>
public sealed class ProviderErrorChatClient(IChatClient innerClient, ModelSpec spec, string endpoint, string? keyVariable)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not ModelProviderException)
        {
            throw new ModelProviderException(Describe(e), e);
        }
    }

    private string Describe(Exception e)
    {
        var who = $"{spec} at {endpoint}";
        var status = TransientFailures.StatusOf(e);
        return (e, status) switch
        {
            (_, 401 or 403) => $"{who} rejected the API key (HTTP {status}); check {keyVariable ?? "the key"}.",
            (_, 404) => $"{who}: model '{spec.Model}' was not found (HTTP 404).",
            (_, 429) => $"{who} kept answering 'too many requests' (HTTP 429) through every retry; try again later or lower the concurrency.",
            (_, >= 500) => $"{who} kept failing with HTTP {status} through every retry.",
            (_, { } other) => $"{who} refused the request (HTTP {other}): {FirstLine(e.Message)}",
            (TimeoutRejectedException, _) => $"{who} gave no answer within the per-attempt timeout on any attempt.",
            (BrokenCircuitException, _) => $"{who} failed too often in a row; stopped asking for a while (circuit open).",
            (EmptyCompletionException, _) => $"{who} returned only empty completions.",
            (HttpRequestException or IOException or System.ClientModel.ClientResultException, _) => $"Could not reach {who}: {FirstLine(e.Message)}",
            (JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException, _) =>
                $"{who} sent a malformed response ({e.GetType().Name}: {FirstLine(e.Message)}).",
            _ => $"{who} failed: {e.GetType().Name}: {FirstLine(e.Message)}",
        };
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
