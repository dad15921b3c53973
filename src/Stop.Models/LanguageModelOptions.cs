namespace Stop.Models;

/// <summary>
/// What one <see cref="LanguageModel"/> allows: STOP's defaults are a budget of 4 calls of at most 6
/// responses each, and 1024 tokens per completion.
/// </summary>
/// <param name="Budget">Total calls allowed (fixed, not the remaining count).</param>
/// <param name="MaxResponsesPerCall">Most completions (or batch messages) in one call.</param>
/// <param name="MaxTokens">max_tokens of every completion.</param>
/// <param name="Concurrency">Most completions of one call in flight at once.</param>
/// <param name="Model">A model id to put in every request, or null for the client's own.</param>
public sealed record LanguageModelOptions(
    int Budget = 4,
    int MaxResponsesPerCall = 6,
    int MaxTokens = 1024,
    int Concurrency = 6,
    string? Model = null);
