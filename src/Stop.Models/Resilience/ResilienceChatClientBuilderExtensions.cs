using Microsoft.Extensions.AI;

namespace Stop.Models.Resilience;

/// <summary><c>Use…</c> extensions for the resilience and response-guard layers.</summary>
public static class ResilienceChatClientBuilderExtensions
{
    /// <summary>Retries, times out, breaks and limits requests per <paramref name="options"/>.</summary>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, ResilienceOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use(inner => new ResilienceChatClient(inner, options, timeProvider ?? TimeProvider.System));
    }

    /// <summary>Rejects empty completions (retryably) and cuts absurdly long ones.</summary>
    public static ChatClientBuilder UseResponseGuard(this ChatClientBuilder builder, ResponseGuardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ResponseGuardChatClient(inner, options ?? new ResponseGuardOptions()));
    }
}
