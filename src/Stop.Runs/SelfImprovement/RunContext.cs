using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Stop.Runs.Configuration;
using Stop.Runs.RunDirectories;
using Stop.Sandbox;
using Stop.Sandbox.Admission;
using Stop.Tasks;

namespace Stop.Runs.SelfImprovement;

/// <summary>
/// What every part of one run shares: its options and task, the sandbox, the model client, and the run
/// directory that records what happens. Admissions and evaluations are cached by content hash: the same
/// source scores the same, so it is scored once.
/// </summary>
public sealed class RunContext(RunOptions options, CandidateSandbox sandbox, IChatClient model, RunDirectory directory, IRunProgress progress)
{
    private readonly ConcurrentDictionary<string, Task<AdmittedCandidate>> admissions = new();
    private readonly ConcurrentDictionary<(string Hash, Split Split), Task<Evaluation>> evaluations = new();

    public RunOptions Options { get; } = options;

    public DownstreamTask Task { get; } = TaskCatalog.Get(options.Task);

    public CandidateSandbox Sandbox { get; } = sandbox;

    public IChatClient Model { get; } = model;

    public RunDirectory Directory { get; } = directory;

    public IRunProgress Progress { get; } = progress;

    public void Record(RunEvent runEvent)
    {
        Directory.Append(runEvent);
        Progress.Recorded(runEvent);
    }

    public Task<AdmittedCandidate> AdmitSolutionAsync(string text, CancellationToken cancellationToken) =>
        admissions.GetOrAdd("solution:" + text, _ => StoreAsync(Sandbox.AdmitSolutionAsync(text, Task, cancellationToken)));

    public Task<AdmittedCandidate> AdmitImproverAsync(string text, CancellationToken cancellationToken) =>
        admissions.GetOrAdd("improver:" + text, _ => StoreAsync(Sandbox.AdmitImproverAsync(text, cancellationToken)));

    /// <summary>Scores a solution on a split, once per content hash, and records the event under <paramref name="key"/>.</summary>
    public async Task<Evaluation> ScoreAsync(string key, string text, Split split, CancellationToken cancellationToken)
    {
        var candidate = await AdmitSolutionAsync(text, cancellationToken).ConfigureAwait(false);
        var evaluation = await evaluations.GetOrAdd((candidate.Hash, split), _ => Sandbox.EvaluateAsync(candidate, Task, split, cancellationToken)).ConfigureAwait(false);
        Record(new SolutionScored(key, evaluation.CandidateHash, evaluation.Task, evaluation.Split, evaluation.Verdict.ToWord(), evaluation.Reason,
            evaluation.Score, evaluation.Fuel, evaluation.DecidedBy.ToString(), [.. evaluation.Violations.Select(v => v.Category.ToString()).Distinct()],
            Math.Round(evaluation.WallMs, 1)));
        return evaluation;
    }

    private async Task<AdmittedCandidate> StoreAsync(Task<AdmittedCandidate> admission)
    {
        var candidate = await admission.ConfigureAwait(false);
        Directory.StoreCandidate(candidate.Hash, candidate.Code);
        return candidate;
    }
}
