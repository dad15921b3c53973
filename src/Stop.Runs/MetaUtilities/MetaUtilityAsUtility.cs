namespace Stop.Runs.MetaUtilities;

/// <summary>The meta-utility handed to an improver that improves itself: budgeted, scored on val, shown as its C# text.</summary>
internal sealed class MetaUtilityAsUtility(MetaUtility metaUtility, string key, int budget) : IScoredUtility
{
    private int uses;

    public string Source => SeedFiles.MetaUtilitySource;

    public int Budget => budget;

    public int Uses => Volatile.Read(ref uses);

    public async Task<double> ScoreAsync(string solution, CancellationToken cancellationToken)
    {
        var use = Interlocked.Increment(ref uses) - 1;
        if (use >= budget)
        {
            return 0;
        }
        var score = await metaUtility.EvaluateAsync(solution, $"{key}/u{use}", withTest: false, cancellationToken).ConfigureAwait(false);
        return score.Val;
    }
}
