using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// The temperature argument of a model call computed from something that changes between the calls a loop (or a
/// LINQ lambda) makes: the loop's variable, a variable re-assigned in the loop, or the lambda's parameter.
/// </summary>
internal sealed class TemperatureSchedulePattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.TemperatureSchedule;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var call in improver.ModelCalls)
        {
            if (call.Temperature is null || call.Temperature is LiteralExpressionSyntax)
            {
                continue;
            }
            var repeaters = ImproverSyntax.LoopsAround(call.Site)
                .Concat<SyntaxNode>(call.Site.Ancestors().OfType<LambdaExpressionSyntax>())
                .ToList();
            var read = improver.SourcesOf(call.Temperature).Where(ImproverSyntax.IsVariable).ToHashSet();
            foreach (var repeater in repeaters)
            {
                var varying = improver.Assignments.FirstOrDefault(a =>
                    read.Contains(a.Target)
                    && a.Value is not LiteralExpressionSyntax
                    && (a.Site == repeater || ImproverSyntax.IsRepeatedBy(a.Site, repeater) || IsCounterOf(a, repeater)));
                if (varying is not null)
                {
                    return new DetectedStrategy(
                        Strategy,
                        call.Line,
                        $"temperature argument computed from a value that changes on each pass of the {Describe(repeater)} at line {ImproverSyntax.LineOf(repeater)}");
                }
            }
        }
        return null;
    }

    private static bool IsCounterOf(Assignment assignment, SyntaxNode repeater) =>
        repeater is ForStatementSyntax { Declaration: { } declaration } && declaration.Span.Contains(assignment.Site.Span);

    private static string Describe(SyntaxNode repeater) => repeater is LambdaExpressionSyntax ? "lambda" : "loop";
}
