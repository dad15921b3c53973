using Stop.Runs.SelfImprovement;
using Stop.Tasks;

namespace Stop.Runs.MetaUtilities;

/// <summary>
/// STOP's secret utility for a downstream task, as one improver run sees it: each score counts against
/// the budget and past it scores 0; solutions are scored on the val split.
/// </summary>
internal sealed class DownstreamUtility(RunContext run, string key, int budget) : IScoredUtility
{
    private int uses;

    public string Source => run.Task.VisibleUtility;

    public int Budget => budget;

    public int Uses => Volatile.Read(ref uses);

    public async Task<double> ScoreAsync(string solution, CancellationToken cancellationToken)
    {
        var use = Interlocked.Increment(ref uses) - 1;
        if (use >= budget)
        {
            return 0;
        }
        var evaluation = await run.ScoreAsync($"{key}/s{use}", solution, Split.Val, cancellationToken).ConfigureAwait(false);
        return evaluation.Score;
    }
}
