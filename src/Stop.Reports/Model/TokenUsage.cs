namespace Stop.Reports.Model;

/// <summary>Tokens the cassette recorded for one generation, and their cost in USD when every model's price is known.</summary>
public sealed record TokenUsage(int Completions, long InputTokens, long OutputTokens, decimal? CostUsd)
{
    /// <summary>Input and output tokens together.</summary>
    public long TotalTokens => InputTokens + OutputTokens;
}
