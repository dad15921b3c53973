namespace Stop.Runs.Strategies.Patterns;

/// <summary>
/// Over a loop of generations: a prompt that combines two randomly picked members of a population (crossover),
/// a second model call or a randomly triggered one (mutation), and the population re-selected by score.
/// </summary>
internal sealed class GeneticAlgorithmPattern : IStrategyPattern
{
    public ImproverStrategy Strategy => ImproverStrategy.GeneticAlgorithm;

    public DetectedStrategy? Find(ImproverSyntax improver)
    {
        foreach (var loop in improver.Root.DescendantNodes().Where(ImproverSyntax.IsLoop))
        {
            foreach (var selection in Population.Selections(improver, loop))
            {
                var crossover = Population.Crossover(improver, loop, selection.Target);
                if (crossover is null)
                {
                    continue;
                }
                var mutation = improver.CallsIn(loop).FirstOrDefault(c => c != crossover)
                    ?? improver.CallsIn(loop).FirstOrDefault(c => ImproverSyntax.Guards(c.Site).Any(g => ImproverSyntax.Contains(g, ImproverSyntax.IsUniformDraw)));
                if (mutation is null)
                {
                    continue;
                }
                return new DetectedStrategy(
                    Strategy,
                    crossover.Line,
                    $"two random members of the population combined in one prompt; mutation by the call at line {mutation.Line}; survivors chosen by score at line {ImproverSyntax.LineOf(selection.Site)}");
            }
        }
        return null;
    }
}
