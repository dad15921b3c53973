using Stop.Runs.Configuration;
using Stop.Runs.MetaUtilities;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Tasks;

namespace Stop.Runs.Transfer;

/// <summary>
/// <c>stop eval</c>: how an improver found on one task transfers to others. For each task, on its test
/// split: the seed solution's utility, the seed improver's meta-utility and the given improver's.
/// Every model exchange is recorded under the task's name, so the table replays like a run.
/// </summary>
public static class TransferEvaluation
{
    public static async Task<TransferTable> RunAsync(
        string improverText, IReadOnlyList<string> tasks, RunOptions options, RunDirectory directory, CandidateSandbox sandbox,
        Microsoft.Extensions.AI.IChatClient model, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfZero(tasks.Count);
        var rows = await Task.WhenAll(tasks.Select(async name =>
        {
            var run = new RunContext(options with { Task = name }, sandbox, model, directory, progress);
            var metaUtility = new MetaUtility(run);
            progress.Stage($"{name}: seed solution, seed improver and the given improver on test");
            var seed = run.ScoreAsync($"{name}/seed-solution/test", run.Task.SeedSolution, Split.Test, cancellationToken);
            var seedImprover = metaUtility.EvaluateAsync(SeedFiles.SeedImprover, $"{name}/seed-improver", withTest: true, cancellationToken);
            var given = metaUtility.EvaluateAsync(improverText, $"{name}/improver", withTest: true, cancellationToken);
            await Task.WhenAll(seed, seedImprover, given).ConfigureAwait(false);
            return (Hash: given.Result.Improver, Row: new TransferRow(name, seed.Result.Score, seedImprover.Result.Test ?? 0, given.Result.Test ?? 0));
        })).ConfigureAwait(false);
        // The improver's hash as admission found it: the host never parses a candidate's text itself.
        var table = new TransferTable(rows[0].Hash, options.Model, [.. rows.Select(r => r.Row)]);
        table.Write(directory.Path);
        return table;
    }
}
