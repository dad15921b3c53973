using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>Model responses grouped (<c>GroupBy</c>) and the largest group taken (ordered or maxed by its count).</summary>
internal sealed class VotingPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.Voting;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        var outputs = improver.ModelCalls.Select(c => c.Output).ToHashSet();
        foreach (var group in improver.Root.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => ImproverSyntax.CalledName(i) == "GroupBy"))
        {
            if (ImproverSyntax.Receiver(group) is not { } receiver || !improver.SourcesOf(receiver).Overlaps(outputs))
            {
                continue;
            }
            var majority = group.Ancestors().OfType<InvocationExpressionSyntax>()
                .Where(i => ImproverSyntax.CalledName(i) is "MaxBy" or "OrderByDescending")
                .FirstOrDefault(i => i.ArgumentList.Arguments.Any(a => ImproverSyntax.Contains(a.Expression, IsCount)));
            if (majority is not null)
            {
                return new DetectedStrategy(Strategy, ImproverSyntax.LineOf(group), "model responses grouped and the largest group taken");
            }
        }
        return null;
    }

    private static bool IsCount(Microsoft.CodeAnalysis.SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => ImproverSyntax.CalledName(invocation) == "Count",
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "Count",
        _ => false,
    };
}
