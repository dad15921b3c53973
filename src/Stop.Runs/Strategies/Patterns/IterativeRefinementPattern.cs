using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// A loop whose model call's prompt includes a single solution kept across iterations, which the loop replaces
/// with a response chosen by score. Replacement decided by a random draw is annealing's acceptance, not this.
/// </summary>
internal sealed class IterativeRefinementPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.IterativeRefinement;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var call in improver.ModelCalls)
        {
            foreach (var loop in ImproverSyntax.LoopsAround(call.Site))
            {
                var inPrompt = improver.SourcesOf(call.Prompt, follow: k => k == FlowKind.Direct);
                foreach (var current in inPrompt.Where(ImproverSyntax.IsVariable))
                {
                    if (!improver.IsDeclaredOutside(current, loop) || improver.IsCollection(current))
                    {
                        continue;
                    }
                    foreach (var update in improver.AssignmentsTo(current))
                    {
                        if (update.Site is not AssignmentExpressionSyntax || update.Value is null || !ImproverSyntax.IsRepeatedBy(update.Site, loop))
                        {
                            continue;
                        }
                        // A population kept outside the loop would make this a population search, not one solution refined.
                        var from = improver.SourcesOf(update.Value, skip: n => n != current && improver.IsDeclaredOutside(n, loop) && improver.IsCollection(n));
                        if (!from.Contains(call.Output))
                        {
                            continue;
                        }
                        var guards = ImproverSyntax.Guards(update.Site).TakeWhile(g => loop.Span.Contains(g.Span)).ToList();
                        if (guards.Any(g => ImproverSyntax.Contains(g, ImproverSyntax.IsRandomDraw)))
                        {
                            continue;
                        }
                        if (from.Contains(ImproverSyntax.ScoreNode) || guards.Any(g => improver.SourcesOf(g).Contains(ImproverSyntax.ScoreNode)))
                        {
                            return new DetectedStrategy(
                                Strategy,
                                ImproverSyntax.LineOf(update.Site),
                                $"the solution in the prompt of the call at line {call.Line} is replaced by a better-scoring response each iteration of the loop at line {ImproverSyntax.LineOf(loop)}");
                        }
                    }
                }
            }
        }
        return null;
    }
}
