using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// An <c>if</c> that compares a uniform random draw with <c>Exp(Δ / T)</c>, Δ computed from scores, inside a loop
/// that calls the model, with T lowered in that loop (<c>T *= c</c>, <c>T /= c</c>, <c>T -= c</c>, or recomputed).
/// </summary>
internal sealed class SimulatedAnnealingPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.SimulatedAnnealing;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var comparison in improver.Root.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(IsOrdering))
        {
            var exp = Exponential(comparison.Left, comparison.Right) ?? Exponential(comparison.Right, comparison.Left);
            if (exp is null || !comparison.Ancestors().OfType<IfStatementSyntax>().Any(i => i.Condition.Span.Contains(comparison.Span)))
            {
                continue;
            }
            var division = exp.ArgumentList.Arguments[0].Expression.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>()
                .FirstOrDefault(b => b.IsKind(SyntaxKind.DivideExpression) && improver.SourcesOf(b.Left).Contains(ImproverSyntax.ScoreNode));
            if (division is null)
            {
                continue;
            }
            var temperatures = improver.References(division.Right).Select(r => r.Name).Where(ImproverSyntax.IsVariable).ToHashSet();
            foreach (var loop in ImproverSyntax.LoopsAround(comparison).Where(l => improver.CallsIn(l).Any()))
            {
                var cooling = improver.Assignments.FirstOrDefault(a =>
                    temperatures.Contains(a.Target) && ImproverSyntax.IsRepeatedBy(a.Site, loop) && Lowers(a, loop));
                if (cooling is not null)
                {
                    return new DetectedStrategy(
                        Strategy,
                        ImproverSyntax.LineOf(comparison),
                        $"a candidate accepted when a random draw is below exp(Δ/T); T lowered at line {ImproverSyntax.LineOf(cooling.Site)} in the loop at line {ImproverSyntax.LineOf(loop)}");
                }
            }
        }
        return null;
    }

    private static bool IsOrdering(BinaryExpressionSyntax b) =>
        b.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
            or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;

    private static InvocationExpressionSyntax? Exponential(ExpressionSyntax draw, ExpressionSyntax other) =>
        ImproverSyntax.Contains(draw, ImproverSyntax.IsUniformDraw)
            ? other.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => ImproverSyntax.CalledName(i) == "Exp" && i.ArgumentList.Arguments.Count == 1)
            : null;

    private static bool Lowers(Assignment assignment, SyntaxNode loop)
    {
        switch (assignment.Site)
        {
            case AssignmentExpressionSyntax compound when compound.IsKind(SyntaxKind.MultiplyAssignmentExpression):
                return !ImproverSyntax.IsNumericLiteral(compound.Right, out var factor) || factor < 1;
            case AssignmentExpressionSyntax compound when compound.IsKind(SyntaxKind.DivideAssignmentExpression):
                return !ImproverSyntax.IsNumericLiteral(compound.Right, out var divisor) || divisor > 1;
            case AssignmentExpressionSyntax compound when compound.IsKind(SyntaxKind.SubtractAssignmentExpression):
                return true;
            case AssignmentExpressionSyntax simple when simple.IsKind(SyntaxKind.SimpleAssignmentExpression):
                // Recomputed from itself (T = T * 0.9) or from the loop's counter (T = T0 * (1 - i / n)).
                var read = simple.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToHashSet();
                return read.Contains(assignment.Target) || read.Overlaps(Counters(loop));
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                return assignment.Site.IsKind(SyntaxKind.PostDecrementExpression) || assignment.Site.IsKind(SyntaxKind.PreDecrementExpression);
            default:
                return false;
        }
    }

    private static IEnumerable<string> Counters(SyntaxNode loop) => loop switch
    {
        ForStatementSyntax { Declaration: { } declaration } => declaration.Variables.Select(v => v.Identifier.ValueText),
        ForEachStatementSyntax forEach => [forEach.Identifier.ValueText],
        _ => [],
    };
}
