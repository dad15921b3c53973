using Stop.Models;
using Stop.Models.Positions;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Sandbox.Admission;
using Stop.Tasks;

namespace Stop.Runs.MetaUtilities;

/// <summary>
/// STOP's meta-utility: run the improver on the task's seed solution k times, each with a fresh language
/// model (m calls of n responses) and a fresh utility budget (n·m + 1), score what each run returns on
/// val (and test, when asked) and average. An improver that fails in any run scores 0, as in STOP.
/// Unlike STOP's loop, the k runs go concurrently: they share nothing.
/// </summary>
public sealed class MetaUtility(RunContext run)
{
    /// <summary>Evaluates an improver; <paramref name="key"/> fixes the positions of everything it asks.</summary>
    public async Task<MetaUtilityScored> EvaluateAsync(string improverText, string key, bool withTest, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var improver = await run.AdmitImproverAsync(improverText, cancellationToken).ConfigureAwait(false);
        var runs = await Task.WhenAll(Enumerable.Range(0, options.MetaTests)
            .Select(j => RunOnceAsync(improver, $"{key}/m{j}", cancellationToken))).ConfigureAwait(false);

        var failed = runs.FirstOrDefault(r => r.Run.Verdict != Verdict.Ok);
        if (failed.Run is not null)
        {
            var zero = new MetaUtilityScored(key, improver.Hash, 0, withTest ? 0 : null, [.. runs.Select(_ => 0.0)], Zeros(options.MetaTests),
                $"an improver run failed: {failed.Run.Verdict.ToWord()}: {failed.Run.Reason}");
            run.Record(zero);
            return zero;
        }

        var finals = await Task.WhenAll(runs.Select((r, j) => ScoreResultAsync(r.Run.Result, $"{key}/m{j}/result", withTest, cancellationToken))).ConfigureAwait(false);
        var val = finals.Sum(f => f.Val?.Score ?? 0) / options.MetaTests;
        double? test = withTest ? finals.Sum(f => f.Test?.Score ?? 0) / options.MetaTests : null;
        var perInstance = finals.SelectMany(f => f.Val is { Instances.Count: > 0 } e
            ? e.Instances.Select(i => i.Score)
            : Enumerable.Repeat(0.0, run.Task.InstanceCount(Split.Val))).ToArray();
        var scored = new MetaUtilityScored(key, improver.Hash, val, test, [.. finals.Select(f => f.Val?.Score ?? 0)], perInstance,
            $"{finals.Count(f => f.Val is not null)} of {options.MetaTests} runs returned a solution");
        run.Record(scored);
        return scored;
    }

    /// <summary>
    /// Runs an improver once under its own language model and utility, recording the run. What it returns is admitted
    /// as <paramref name="resultKind"/>, which names the code in it: the host never parses a model's text itself.
    /// </summary>
    internal async Task<(ImproverRun Run, ImproverSession Session)> RunImproverAsync(
        AdmittedCandidate improver, string key, string initialSolution, IScoredUtility utility, CandidateKind resultKind, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var languageModel = new LanguageModel(run.Model,
            new LanguageModelOptions(options.CallBudget, options.ResponsesPerCall, options.MaxTokens, options.Concurrency),
            RequestPosition.Parse(key));
        var session = new ImproverSession(languageModel, utility);
        var input = new ImproverInput(initialSolution, ImproverSession.UtilityHandle, utility.Source, utility.Budget,
            ImproverSession.LanguageModelHandle, options.CallBudget, options.ResponsesPerCall, StableSeed(key));
        var result = await run.Sandbox.RunImproverAsync(improver, input, session, cancellationToken).ConfigureAwait(false);
        var returned = result.Result is null ? null
            : resultKind == CandidateKind.Improver ? await run.AdmitImproverAsync(result.Result, cancellationToken).ConfigureAwait(false)
            : await run.AdmitSolutionAsync(result.Result, cancellationToken).ConfigureAwait(false);
        run.Record(new ImproverRan(key, improver.Hash, result.Verdict.ToWord(), result.Reason,
            returned?.Hash, result.Fuel, result.DecidedBy.ToString(),
            [.. improver.Violations.Select(v => v.Category.ToString()).Distinct()], languageModel.CallsMade, utility.Uses, Math.Round(result.WallMs, 1)));
        return (result, session);
    }

    private Task<(ImproverRun Run, ImproverSession Session)> RunOnceAsync(AdmittedCandidate improver, string key, CancellationToken cancellationToken) =>
        RunImproverAsync(improver, key, run.Task.SeedSolution, new DownstreamUtility(run, key, run.Options.UtilityBudget), CandidateKind.Solution, cancellationToken);

    private async Task<(Evaluation? Val, Evaluation? Test)> ScoreResultAsync(string? result, string key, bool withTest, CancellationToken cancellationToken)
    {
        // STOP skips a run that returned nothing: it adds 0 to the mean.
        if (string.IsNullOrEmpty(result))
        {
            return (null, null);
        }
        var val = await run.ScoreAsync($"{key}/val", result, Split.Val, cancellationToken).ConfigureAwait(false);
        var test = withTest ? await run.ScoreAsync($"{key}/test", result, Split.Test, cancellationToken).ConfigureAwait(false) : null;
        return (val, test);
    }

    private double[] Zeros(int runs) => new double[runs * run.Task.InstanceCount(Split.Val)];

    /// <summary>A seed for an improver's own <c>new Random()</c>, fixed by its key (FNV-1a), the same on every machine.</summary>
    internal static int StableSeed(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}
