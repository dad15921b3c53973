namespace Stop.Models.Cassette;

/// <summary>One message of a recorded request.</summary>
public sealed record CassetteMessage(string Role, string Text);

/// <summary>
/// One recorded exchange with a model, one JSON line of a cassette file: what was asked at which position,
/// what came back, from which model, at what cost in tokens and time. Never holds a key.
/// </summary>
/// <param name="Position">The request's <see cref="Positions.RequestPosition"/> path.</param>
/// <param name="Messages">The request's messages (system, then user).</param>
/// <param name="Temperature">Requested temperature.</param>
/// <param name="MaxTokens">Requested max tokens.</param>
/// <param name="RequestedModel">The model asked for, when known.</param>
/// <param name="Fingerprint">Hash of messages, temperature, max tokens and model; equal requests share it.</param>
/// <param name="Text">The completion.</param>
/// <param name="ModelId">The model id the provider reported.</param>
/// <param name="InputTokens">Prompt tokens the provider reported.</param>
/// <param name="OutputTokens">Completion tokens the provider reported.</param>
/// <param name="LatencyMs">Wall time of the request including retries, in milliseconds.</param>
/// <param name="Attempts">Attempts the request took.</param>
/// <param name="Truncated">Whether the completion was cut at the length cap.</param>
/// <param name="RecordedAt">When the answer arrived.</param>
public sealed record CassetteEntry(
    string Position,
    IReadOnlyList<CassetteMessage> Messages,
    double? Temperature,
    int? MaxTokens,
    string? RequestedModel,
    string Fingerprint,
    string Text,
    string? ModelId,
    long? InputTokens,
    long? OutputTokens,
    double LatencyMs,
    int Attempts,
    bool Truncated,
    DateTimeOffset RecordedAt);
