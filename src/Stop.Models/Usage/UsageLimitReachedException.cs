namespace Stop.Models.Usage;

/// <summary>
/// The run has used what its <see cref="UsageLimits"/> allow; no further request is sent. A caller stops the
/// run cleanly: what was recorded stays in the cassette, so the run can be resumed with a higher limit.
/// </summary>
public sealed class UsageLimitReachedException(string message, UsageTotals totals) : Exception(message)
{
    public UsageTotals Totals { get; } = totals;
}
