namespace Stop.Models.Usage;

/// <summary>Where a run stops spending: total tokens and/or cost in USD; null means no limit.</summary>
public sealed record UsageLimits(long? MaxTotalTokens = null, decimal? MaxCostUsd = null)
{
    public static UsageLimits None { get; } = new();
}
