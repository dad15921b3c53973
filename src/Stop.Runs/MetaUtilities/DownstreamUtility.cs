using Stop.Runs.SelfImprovement;
using Stop.Tasks;

namespace Stop.Runs.MetaUtilities;

/// <summary>
/// STOP's secret utility for a downstream task, as one improver run sees it: solutions are scored on the val split;
/// where STOP's scorer for the task counts uses (<see cref="DownstreamTask.LimitsUtilityUses"/>), each score counts
/// against the budget and past it scores 0. (An empty solution scores 0 without counting, in the improver itself.)
/// </summary>
internal sealed class DownstreamUtility(RunContext run, string key, int budget) : IScoredUtility
{
    private readonly UseBudget uses = new(budget);

    public string Source => run.Task.VisibleUtility;

    public int Budget => uses.Budget;

    public int Uses => uses.Uses;

    public async Task<double> ScoreAsync(string solution, CancellationToken cancellationToken)
    {
        if (!uses.TryTake(out var use) && run.Task.LimitsUtilityUses)
        {
            return 0;
        }
        var evaluation = await run.ScoreAsync($"{key}/s{use}", solution, Split.Val, cancellationToken).ConfigureAwait(false);
        return evaluation.Score;
    }
}
