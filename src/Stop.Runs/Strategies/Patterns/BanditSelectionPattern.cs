using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// Per-arm statistics updated in a loop that calls the model — a count (<c>n[a]++</c>) and a score reward
/// (<c>r[a] += score</c>) under the same index — where the arm index chooses the prompt or settings of the call and
/// is picked by a UCB term <c>Sqrt(… Log(…) / n[…])</c> or epsilon-greedily (<c>NextDouble() &lt; ε</c> choosing
/// between a random arm and the best one).
/// </summary>
internal sealed class BanditSelectionPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.BanditSelection;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        var updates = improver.Root.DescendantNodes().Select(n => Update(improver, n)).OfType<ArmUpdate>().ToList();
        foreach (var count in updates.Where(u => !u.IsReward))
        {
            foreach (var reward in updates.Where(u => u.IsReward && u.Index == count.Index && u.Table != count.Table))
            {
                var arm = improver.References(count.IndexNode).Select(r => r.Name).Where(ImproverSyntax.IsVariable).ToHashSet();
                foreach (var loop in ImproverSyntax.LoopsAround(count.Site).Where(l => ImproverSyntax.IsRepeatedBy(reward.Site, l)))
                {
                    var call = improver.CallsIn(loop).FirstOrDefault(c =>
                        improver.SourcesOf(c.Temperature is null ? c.Prompt : [.. c.Prompt, c.Temperature]).Overlaps(arm));
                    if (call is null)
                    {
                        continue;
                    }
                    var choice = Ucb(improver, count.Table) ?? EpsilonGreedy(improver, reward.Table);
                    if (choice is not null)
                    {
                        return new DetectedStrategy(
                            Strategy,
                            ImproverSyntax.LineOf(choice.Value.Node),
                            $"arm chosen {choice.Value.How}; per-arm count and score reward updated at lines {ImproverSyntax.LineOf(count.Site)} and {ImproverSyntax.LineOf(reward.Site)}; the arm sets the model call at line {call.Line}");
                    }
                }
            }
        }
        return null;
    }

    private static (SyntaxNode Node, string How)? Ucb(ImproverSyntax improver, string counts)
    {
        var term = improver.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(sqrt =>
            ImproverSyntax.CalledName(sqrt) == "Sqrt"
            && sqrt.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(log => ImproverSyntax.CalledName(log) == "Log")
            && sqrt.DescendantNodes().OfType<BinaryExpressionSyntax>().Any(d => d.IsKind(SyntaxKind.DivideExpression) && improver.SourcesOf(d.Right).Contains(counts)));
        return term is null ? null : (term, "by a UCB term sqrt(log N / n)");
    }

    private static (SyntaxNode Node, string How)? EpsilonGreedy(ImproverSyntax improver, string rewards)
    {
        foreach (var branch in improver.Root.DescendantNodes())
        {
            var (condition, whenTrue, whenFalse) = branch switch
            {
                IfStatementSyntax { Else: { } otherwise } ifStatement => (ifStatement.Condition, (SyntaxNode)ifStatement.Statement, (SyntaxNode)otherwise.Statement),
                ConditionalExpressionSyntax conditional => (conditional.Condition, conditional.WhenTrue, conditional.WhenFalse),
                _ => (null, null, null),
            };
            if (condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression or (int)SyntaxKind.LessThanOrEqualExpression } comparison
                || !ImproverSyntax.Contains(comparison.Left, ImproverSyntax.IsUniformDraw))
            {
                continue;
            }
            var explores = ImproverSyntax.Contains(whenTrue!, IsRandomIndex);
            var exploits = improver.SourcesOf(whenFalse!).Contains(rewards);
            if (explores && exploits)
            {
                return (comparison, "epsilon-greedily (a random draw below ε picks a random arm, else the best)");
            }
        }
        return null;
    }

    private static bool IsRandomIndex(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation && ImproverSyntax.IsRandomDraw(invocation) && ImproverSyntax.CalledName(invocation) == "Next";

    private static ArmUpdate? Update(ImproverSyntax improver, SyntaxNode node)
    {
        switch (node)
        {
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: ElementAccessExpressionSyntax access }:
                return ArmUpdate.Of(access, node, isReward: false);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: ElementAccessExpressionSyntax access }:
                return ArmUpdate.Of(access, node, isReward: false);
            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: ElementAccessExpressionSyntax access } add:
                if (ImproverSyntax.IsNumericLiteral(add.Right, out var step) && step == 1)
                {
                    return ArmUpdate.Of(access, node, isReward: false);
                }
                return improver.SourcesOf(add.Right).Contains(ImproverSyntax.ScoreNode) ? ArmUpdate.Of(access, node, isReward: true) : null;
            default:
                return null;
        }
    }

    private sealed record ArmUpdate(string Table, string Index, SyntaxNode IndexNode, SyntaxNode Site, bool IsReward)
    {
        public static ArmUpdate? Of(ElementAccessExpressionSyntax access, SyntaxNode site, bool isReward) =>
            access is { Expression: IdentifierNameSyntax table, ArgumentList.Arguments: [var index] }
                ? new ArmUpdate(table.Identifier.ValueText, index.ToString(), index, site, isReward)
                : null;
    }
}
