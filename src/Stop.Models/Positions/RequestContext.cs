using Microsoft.Extensions.AI;

namespace Stop.Models.Positions;

/// <summary>
/// Carries a request's <see cref="RequestPosition"/> and its completion count through
/// <see cref="ChatOptions.AdditionalProperties"/>, where every middleware layer can read it.
/// </summary>
public static class RequestContext
{
    /// <summary>The key of the position path (a string) in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string PositionKey = "stop.position";

    /// <summary>The key of the number of completions asked for in the same call (an int).</summary>
    public const string CompletionCountKey = "stop.completions";

    /// <summary>Stores the position (and the call's completion count) in the options.</summary>
    public static ChatOptions WithPosition(this ChatOptions options, RequestPosition position, int completionCount = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(position);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PositionKey] = position.Path;
        options.AdditionalProperties[CompletionCountKey] = completionCount;
        return options;
    }

    /// <summary>The position stored in the options, or null.</summary>
    public static RequestPosition? GetPosition(this ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PositionKey, out var value) == true && value is string path
            ? RequestPosition.Parse(path)
            : null;

    /// <summary>The position, or an exception saying that position-keyed layers need one.</summary>
    public static RequestPosition RequirePosition(this ChatOptions? options, string layer) =>
        options.GetPosition()
        ?? throw new InvalidOperationException($"{layer} keys every request by position, but this request carries none; set it with ChatOptions.WithPosition.");

    /// <summary>The number of completions asked for in the request's call (1 when absent).</summary>
    public static int GetCompletionCount(this ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(CompletionCountKey, out var value) == true && value is int n ? n : 1;
}
