namespace Stop.Runs.MetaUtilities;

/// <summary>
/// STOP's rule for a budgeted utility: every call counts, and a call past the budget scores 0 without
/// running. The use number a call takes fixes its place in the run.
/// </summary>
internal sealed class UseBudget(int budget)
{
    private int uses;

    public int Budget => budget;

    /// <summary>Calls made so far, including those past the budget.</summary>
    public int Uses => Volatile.Read(ref uses);

    /// <summary>Takes the next use; false when the budget is spent.</summary>
    public bool TryTake(out int use)
    {
        use = Interlocked.Increment(ref uses) - 1;
        return use < budget;
    }
}
