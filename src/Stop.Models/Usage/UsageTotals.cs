namespace Stop.Models.Usage;

/// <summary>Tokens and cost of a set of requests.</summary>
/// <param name="Requests">Requests answered.</param>
/// <param name="InputTokens">Prompt tokens reported.</param>
/// <param name="OutputTokens">Completion tokens reported.</param>
/// <param name="CostUsd">Cost of the priced requests.</param>
/// <param name="UnpricedRequests">Requests whose model has no price, so <paramref name="CostUsd"/> leaves them out.</param>
public sealed record UsageTotals(int Requests, long InputTokens, long OutputTokens, decimal CostUsd, int UnpricedRequests)
{
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0m, 0);

    public long TotalTokens => InputTokens + OutputTokens;

    internal UsageTotals Add(long input, long output, decimal? cost) =>
        new(Requests + 1, InputTokens + input, OutputTokens + output, CostUsd + (cost ?? 0m), UnpricedRequests + (cost is null ? 1 : 0));
}
