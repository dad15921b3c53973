namespace Stop.Models.Usage;

/// <summary>USD per million input and output tokens of one model.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion);

/// <summary>Prices per model id; a reported id such as <c>gpt-4o-2024-08-06</c> matches the longest listed prefix (<c>gpt-4o</c>).</summary>
public sealed record PriceTable(IReadOnlyDictionary<string, ModelPrice> Prices)
{
    /// <summary>No prices: cost is unknown.</summary>
    public static PriceTable Empty { get; } = new(new Dictionary<string, ModelPrice>());

    /// <summary>The price of a model, or null when unlisted.</summary>
    public ModelPrice? Find(string? model)
    {
        if (model is null)
        {
            return null;
        }
        if (Prices.TryGetValue(model, out var exact))
        {
            return exact;
        }
        return Prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>The cost in USD of the tokens, or null when the model is unlisted.</summary>
    public decimal? Cost(string? model, long inputTokens, long outputTokens) =>
        Find(model) is { } price
            ? ((inputTokens * price.InputPerMillion) + (outputTokens * price.OutputPerMillion)) / 1_000_000m
            : null;
}
