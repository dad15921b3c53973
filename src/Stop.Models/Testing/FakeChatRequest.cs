namespace Stop.Models.Testing;

/// <summary>A chat request as the <see cref="FakeOpenAIServer"/> received it.</summary>
/// <param name="Sequence">Arrival number, from 0.</param>
/// <param name="Path">The URL path.</param>
/// <param name="Body">The raw JSON body.</param>
/// <param name="Authorization">The Authorization header (held in memory only).</param>
/// <param name="Model">The requested model.</param>
/// <param name="System">The system message.</param>
/// <param name="User">The last user message.</param>
/// <param name="Temperature">The requested temperature.</param>
/// <param name="MaxTokens">max_tokens or max_completion_tokens.</param>
public sealed record FakeChatRequest(
    int Sequence, string Path, string Body, string? Authorization, string? Model, string? System, string? User, double? Temperature, int? MaxTokens);
