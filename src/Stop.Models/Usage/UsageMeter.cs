using System.Text.RegularExpressions;
using Stop.Models.Positions;

namespace Stop.Models.Usage;

/// <summary>
/// Counts tokens and cost per run and per prefix (the position before its <c>callN</c> segment: one
/// LanguageModel, one improver run), and enforces <see cref="UsageLimits"/>. Safe for concurrent use.
/// </summary>
public sealed partial class UsageMeter(PriceTable prices, UsageLimits limits)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, UsageTotals> byPrefix = new(StringComparer.Ordinal);
    private UsageTotals total = UsageTotals.Zero;

    public UsageMeter()
        : this(PriceTable.Empty, UsageLimits.None)
    {
    }

    public PriceTable Prices { get; } = prices;

    public UsageLimits Limits { get; } = limits;

    /// <summary>Everything counted so far.</summary>
    public UsageTotals Total
    {
        get
        {
            lock (gate)
            {
                return total;
            }
        }
    }

    /// <summary>Totals per prefix.</summary>
    public IReadOnlyDictionary<string, UsageTotals> ByPrefix
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, UsageTotals>(byPrefix, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The prefix a position's usage counts toward.</summary>
    public static string PrefixOf(RequestPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var segments = position.Segments;
        var call = segments.Count - 1;
        while (call >= 0 && !CallSegment().IsMatch(segments[call]))
        {
            call--;
        }
        return call >= 0 ? string.Join('/', segments.Take(call)) : position.Parent?.Path ?? string.Empty;
    }

    /// <summary>Counts one answered request.</summary>
    public void Record(RequestPosition? position, string? model, long inputTokens, long outputTokens)
    {
        var cost = Prices.Cost(model, inputTokens, outputTokens);
        var prefix = position is null ? string.Empty : PrefixOf(position);
        lock (gate)
        {
            total = total.Add(inputTokens, outputTokens, cost);
            byPrefix[prefix] = byPrefix.GetValueOrDefault(prefix, UsageTotals.Zero).Add(inputTokens, outputTokens, cost);
        }
    }

    /// <summary>Throws <see cref="UsageLimitReachedException"/> once a limit is reached.</summary>
    public void ThrowIfLimitReached()
    {
        var now = Total;
        if (Limits.MaxTotalTokens is { } maxTokens && now.TotalTokens >= maxTokens)
        {
            throw new UsageLimitReachedException(
                $"The token limit of {maxTokens} is reached ({now.TotalTokens} tokens used); the run stops here and can be resumed.", now);
        }
        if (Limits.MaxCostUsd is { } maxCost && now.CostUsd >= maxCost)
        {
            throw new UsageLimitReachedException(
                $"The cost limit of ${maxCost} is reached (${now.CostUsd:0.####} spent); the run stops here and can be resumed.", now);
        }
    }

    [GeneratedRegex("^call[0-9]+$")]
    private static partial Regex CallSegment();
}
