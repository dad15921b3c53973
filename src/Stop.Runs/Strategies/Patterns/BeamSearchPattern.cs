using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// A loop that keeps a population to its top k by score (<c>OrderByDescending(score)…Take(k)</c>, k not 1) and asks
/// the model once per member, iterating over the population rather than combining members in one prompt.
/// </summary>
internal sealed class BeamSearchPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.BeamSearch;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var loop in improver.Root.DescendantNodes().Where(ImproverSyntax.IsLoop))
        {
            foreach (var selection in Population.Selections(improver, loop))
            {
                var beam = selection.Target;
                var take = TopK(improver, selection.Value!);
                if (take is null || Population.Crossover(improver, loop, beam) is not null)
                {
                    continue;
                }
                var expansion = improver.CallsIn(loop).FirstOrDefault(call =>
                    improver.SourcesOf(call.Prompt, follow: k => k != FlowKind.Indexed).Contains(beam)
                    && !improver.SourcesOf(call.Prompt, follow: k => k == FlowKind.Direct).Contains(beam));
                if (expansion is not null)
                {
                    return new DetectedStrategy(
                        Strategy,
                        ImproverSyntax.LineOf(take),
                        $"population cut to the top k by score each iteration of the loop at line {ImproverSyntax.LineOf(loop)}; each member expanded by the model call at line {expansion.Line}");
                }
            }
        }
        return null;
    }

    private static InvocationExpressionSyntax? TopK(ImproverSyntax improver, SyntaxNode value) =>
        value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(take =>
            ImproverSyntax.CalledName(take) == "Take"
            && take.ArgumentList.Arguments.Count == 1
            && !(ImproverSyntax.IsNumericLiteral(take.ArgumentList.Arguments[0].Expression, out var k) && k <= 1)
            && take.Expression.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(order =>
                ImproverSyntax.CalledName(order) is "OrderByDescending" or "OrderBy"
                && improver.SourcesOf(order.ArgumentList.Arguments.Select(a => (SyntaxNode)a.Expression)).Contains(ImproverSyntax.ScoreNode)));
}
