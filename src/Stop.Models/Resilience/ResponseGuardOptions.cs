namespace Stop.Models.Resilience;

/// <summary>What a completion may look like before it is believed.</summary>
/// <param name="MaxCompletionChars">Longer completions are cut here and marked truncated (1024 tokens is ~4k chars).</param>
public sealed record ResponseGuardOptions(int MaxCompletionChars = 64_000);
