namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// Two different model calls in sequence where the second's prompt is built from the first's response (propose,
/// then implement; split into parts, then improve each), without the first depending back on the second, which is
/// the shape of a search loop rather than a pipeline.
/// </summary>
internal sealed class DecompositionPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.Decomposition;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var second in improver.ModelCalls)
        {
            var fedBySecond = improver.DependentsOf(second.Output);
            var feeding = improver.SourcesOf(second.Prompt, skip: fedBySecond.Contains);
            foreach (var first in improver.ModelCalls)
            {
                if (first == second || !feeding.Contains(first.Output) || SamePrompt(first, second))
                {
                    continue;
                }
                if (improver.SourcesOf(first.Prompt).Contains(second.Output))
                {
                    continue;
                }
                return new DetectedStrategy(
                    Strategy,
                    second.Line,
                    $"this prompt is built from the response of a different prompt at line {first.Line}");
            }
        }
        return null;
    }

    private static bool SamePrompt(ModelCall first, ModelCall second) =>
        first.Prompt.Select(p => p.ToString()).SequenceEqual(second.Prompt.Select(p => p.ToString()));
}
