namespace Stop.Runs.Strategies;

/// <summary>A strategy found in an improver, with the 1-based line and the structural pattern that shows it.</summary>
public sealed record DetectedStrategy(ImproverStrategy Strategy, int Line, string Evidence)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Strategy.DisplayName()} (line {Line}: {Evidence})";
}
