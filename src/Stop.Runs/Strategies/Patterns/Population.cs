using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// Shapes that population searches share: a collection kept across a loop's iterations and re-selected by score
/// from the loop's responses, and prompts combining several members of it.
/// </summary>
internal static class Population
{
    /// <summary>
    /// The assignments in <paramref name="loop"/> that refill a collection declared outside it from the loop's model
    /// responses, with a score involved: the survivors of each iteration.
    /// </summary>
    public static IEnumerable<Assignment> Selections(ImproverSyntax improver, SyntaxNode loop)
    {
        var outputs = improver.CallsIn(loop).Select(c => c.Output).ToHashSet();
        return improver.Assignments.Where(a =>
            a.Value is not null
            && a.Kind == FlowKind.Direct
            && ImproverSyntax.IsRepeatedBy(a.Site, loop)
            && improver.IsDeclaredOutside(a.Target, loop)
            && improver.IsCollection(a.Target)
            && improver.SourcesOf(a.Value) is var sources
            && sources.Contains(ImproverSyntax.ScoreNode)
            && sources.Overlaps(outputs));
    }

    /// <summary>
    /// The distinct places where the prompt of <paramref name="call"/> picks one member of <paramref name="population"/>:
    /// <c>pool[i]</c>, <c>pair[0]</c> of a sample, or a call of a function that returns such a pick.
    /// </summary>
    public static IReadOnlyList<SyntaxNode> Picks(ImproverSyntax improver, ModelCall call, string population)
    {
        var building = improver.SourcesOf(call.Prompt, follow: k => k == FlowKind.Direct);
        var expressions = call.Prompt
            .Concat(improver.Assignments.Where(a => building.Contains(a.Target) && a.Value is not null && a.Kind == FlowKind.Direct).Select(a => a.Value!))
            .ToList();
        var picks = new HashSet<SyntaxNode>();
        foreach (var expression in expressions)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                var isPick = node switch
                {
                    ElementAccessExpressionSyntax access => improver.SourcesOf(access.Expression).Contains(population),
                    InvocationExpressionSyntax { Expression: IdentifierNameSyntax } helper =>
                        improver.SourcesOf(helper).Contains(population) && PicksInside(improver, helper, population),
                    _ => false,
                };
                if (isPick && !picks.Any(p => p.Span.Contains(node.Span)))
                {
                    picks.Add(node);
                }
            }
        }
        return picks.ToList();
    }

    private static bool PicksInside(ImproverSyntax improver, InvocationExpressionSyntax helper, string population)
    {
        var name = ((IdentifierNameSyntax)helper.Expression).Identifier.ValueText;
        var function = AssignmentFinder.Functions(improver.Root).FirstOrDefault(f => f.Name == name);
        return function is not null && function.Node.DescendantNodes().OfType<ElementAccessExpressionSyntax>()
            .Any(a => improver.SourcesOf(a.Expression).Contains(population));
    }

    /// <summary>A model call in <paramref name="loop"/> whose prompt combines two random picks from <paramref name="population"/>.</summary>
    public static ModelCall? Crossover(ImproverSyntax improver, SyntaxNode loop, string population) =>
        improver.CallsIn(loop).FirstOrDefault(call =>
            Picks(improver, call, population) is { Count: >= 2 } picks
            && improver.SourcesOf(picks).Contains(ImproverSyntax.RandomNode));
}
