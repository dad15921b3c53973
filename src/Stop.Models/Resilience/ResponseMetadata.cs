using Microsoft.Extensions.AI;

namespace Stop.Models.Resilience;

/// <summary>Keys that Stop's layers put in <see cref="ChatResponse.AdditionalProperties"/> for the layers above.</summary>
public static class ResponseMetadata
{
    /// <summary>How many attempts the request took (an int).</summary>
    public const string AttemptsKey = "stop.attempts";

    /// <summary>Whether the completion was cut at the length cap (a bool).</summary>
    public const string TruncatedKey = "stop.truncated";

    /// <summary>Whether the response came from a cassette rather than a provider (a bool).</summary>
    public const string ReplayedKey = "stop.replayed";

    internal static void Set(ChatResponse response, string key, object value)
    {
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[key] = value;
    }

    internal static T? Get<T>(ChatResponse response, string key) where T : struct =>
        response.AdditionalProperties?.TryGetValue(key, out var value) == true && value is T typed ? typed : null;
}
