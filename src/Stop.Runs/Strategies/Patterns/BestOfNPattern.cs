using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// One call asks for several responses, its prompt does not depend on its own responses, and the responses are
/// scored and the best taken (<c>MaxBy(score)</c>, <c>OrderByDescending(score)</c>, or a foreach keeping the best).
/// </summary>
internal sealed class BestOfNPattern : IStrategyPattern
{
    private static readonly HashSet<string> Selectors = ["MaxBy", "Max", "OrderByDescending"];

    public ImproverStrategy Strategy => ImproverStrategy.BestOfN;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var call in improver.ModelCalls.Where(AsksForSeveral))
        {
            if (improver.SourcesOf(call.Prompt).Contains(call.Output))
            {
                continue;
            }
            // A selection repeated by a loop the call is not in picks survivors of a search, not the best of this batch.
            var loops = ImproverSyntax.LoopsAround(call.Site).ToHashSet();
            bool OnceForTheCall(SyntaxNode node) => ImproverSyntax.LoopsAround(node).All(loops.Contains);
            foreach (var selection in improver.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(OnceForTheCall))
            {
                if (ImproverSyntax.CalledName(selection) is { } name && Selectors.Contains(name)
                    && ImproverSyntax.Receiver(selection) is { } receiver
                    && improver.SourcesOf(receiver).Contains(call.Output)
                    && improver.SourcesOf(selection.ArgumentList.Arguments.Select(a => a.Expression)).Contains(ImproverSyntax.ScoreNode))
                {
                    return Found(call, selection, $"{name} by score");
                }
            }
            foreach (var forEach in improver.Root.DescendantNodes().OfType<ForEachStatementSyntax>().Where(OnceForTheCall))
            {
                if (improver.SourcesOf(forEach.Expression).Contains(call.Output) && KeepsBest(improver, forEach) is { } keep)
                {
                    return Found(call, keep, "a foreach keeping the response with the higher score");
                }
            }
        }
        return null;
    }

    private static bool AsksForSeveral(ModelCall call) =>
        call.IsBatch || (call.Responses is { } n && !(ImproverSyntax.IsNumericLiteral(n, out var value) && value <= 1));

    private static IfStatementSyntax? KeepsBest(ImproverSyntax improver, ForEachStatementSyntax forEach)
    {
        var element = forEach.Identifier.ValueText;
        return forEach.Statement.DescendantNodes().OfType<IfStatementSyntax>().FirstOrDefault(guard =>
            guard.Condition is BinaryExpressionSyntax comparison
            && comparison.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
                or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
            && improver.SourcesOf(comparison).Contains(ImproverSyntax.ScoreNode)
            && guard.Statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
                .Any(a => improver.SourcesOf(a.Right).Contains(element)));
    }

    private DetectedStrategy Found(ModelCall call, SyntaxNode selection, string how) => new(
        Strategy,
        call.Line,
        $"one call for n responses, scored and the best taken ({how}, line {ImproverSyntax.LineOf(selection)})");
}
