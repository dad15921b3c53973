namespace Stop.Runs.Strategies;

/// <summary>Which strategies a newer improver gained and which it dropped compared with an older one.</summary>
public sealed record StrategyChange(IReadOnlyList<ImproverStrategy> Added, IReadOnlyList<ImproverStrategy> Removed)
{
    /// <summary>Compares the strategies detected in two improvers.</summary>
    public static StrategyChange Between(IEnumerable<DetectedStrategy> older, IEnumerable<DetectedStrategy> newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var before = older.Select(d => d.Strategy).ToHashSet();
        var after = newer.Select(d => d.Strategy).ToHashSet();
        return new StrategyChange(
            after.Except(before).Order().ToList(),
            before.Except(after).Order().ToList());
    }
}
