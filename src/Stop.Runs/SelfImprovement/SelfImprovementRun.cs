using Stop.Runs.Configuration;
using Stop.Runs.MetaUtilities;
using Stop.Runs.RunDirectories;
using Stop.Sandbox;
using Stop.Sandbox.Admission;

namespace Stop.Runs.SelfImprovement;

/// <summary>
/// STOP's self-improvement loop: generation 0 is the seed improver; each iteration applies the current
/// improver to itself, with the meta-utility as its utility, and what it returns becomes the next
/// generation if the acceptance rule takes it (otherwise the previous generation stays). Every generation
/// is scored on val and test.
/// </summary>
public sealed class SelfImprovementRun(RunContext run)
{
    public const double SignificanceLevel = 0.05;

    private readonly MetaUtility metaUtility = new(run);

    /// <summary>Runs (or, from a recorded cassette, re-runs) every iteration.</summary>
    public async Task<IReadOnlyList<GenerationDecided>> RunAsync(CancellationToken cancellationToken)
    {
        var generations = new List<GenerationDecided>();
        var current = SeedFiles.SeedImprover;
        run.Progress.Stage("generation 0: scoring the seed improver");
        var currentScore = await metaUtility.EvaluateAsync(current, "g0/eval", withTest: true, cancellationToken).ConfigureAwait(false);
        generations.Add(Decide(0, null, current, accepted: true, "the seed improver", currentScore));

        for (var t = 1; t <= run.Options.Iterations; t++)
        {
            run.Progress.Stage($"generation {t}: the generation {t - 1} improver improves itself");
            var improver = await run.AdmitImproverAsync(current, cancellationToken).ConfigureAwait(false);
            var utility = new MetaUtilityAsUtility(metaUtility, run.Options, $"g{t}");
            var (self, _) = await metaUtility.RunImproverAsync(improver, $"g{t}/self", current, utility, CandidateKind.Improver, cancellationToken).ConfigureAwait(false);

            if (self.Verdict != Verdict.Ok || string.IsNullOrEmpty(self.Result))
            {
                var why = self.Verdict != Verdict.Ok ? $"{self.Verdict.ToWord()}: {self.Reason}" : "it returned no improver";
                generations.Add(Decide(t, null, current, accepted: false, $"kept generation {t - 1}: {why}", currentScore));
                continue;
            }

            run.Progress.Stage($"generation {t}: scoring the proposed improver");
            // The code in what it returned, as admission found it (already admitted, when the run was recorded). A
            // refused text is evaluated as returned, so that its refusal stands: its recorded code may be only a part
            // of it (a text too long to admit keeps its beginning), which must not be admitted in its place.
            var returned = await run.AdmitImproverAsync(self.Result, cancellationToken).ConfigureAwait(false);
            var proposed = returned.IsAdmitted ? returned.Code : self.Result;
            var proposedScore = await metaUtility.EvaluateAsync(proposed, $"g{t}/eval", withTest: true, cancellationToken).ConfigureAwait(false);
            var (accepted, reason) = Accept(proposedScore, currentScore);
            if (accepted)
            {
                current = proposed;
                currentScore = proposedScore;
            }
            generations.Add(Decide(t, proposedScore.Improver, current, accepted, reason, currentScore));
        }
        return generations;
    }

    private (bool Accepted, string Reason) Accept(MetaUtilityScored proposed, MetaUtilityScored incumbent)
    {
        if (proposed.Val <= 0)
        {
            return (false, $"kept the previous generation: the proposed improver's meta-utility is 0 ({proposed.Reason})");
        }
        if (run.Options.Accept == AcceptRule.Stop)
        {
            return (true, $"accepted (STOP's rule: meta-utility {proposed.Val:0.####} > 0)");
        }
        var (wins, losses, p) = SignTest.OneSided(proposed.ValPerInstance ?? [], incumbent.ValPerInstance ?? []);
        return p < SignificanceLevel
            ? (true, $"accepted: beats the incumbent on paired val instances ({wins} wins, {losses} losses, sign test p = {p:0.####} < {SignificanceLevel})")
            : (false, $"kept the previous generation: not better on paired val instances ({wins} wins, {losses} losses, sign test p = {p:0.####})");
    }

    // chosen is code already: the seed, or a proposal already taken out of its response.
    private GenerationDecided Decide(int generation, string? proposed, string chosen, bool accepted, string reason, MetaUtilityScored score)
    {
        var decision = new GenerationDecided($"gen{generation}", generation, proposed, CandidateCompiler.HashOf(chosen), accepted, reason, score.Val, score.Test);
        run.Record(decision);
        run.Directory.WriteGeneration(generation, chosen, decision);
        run.Directory.AppendSummary(
            $"| {generation} | {score.Val:0.####} | {score.Test:0.####} | {(accepted ? "yes" : "no")} | {decision.Chosen[..12]} | {reason.Replace('|', '/')} |",
            "| generation | val | test | accepted | improver | decision |\n|---|---|---|---|---|---|\n");
        return decision;
    }
}
