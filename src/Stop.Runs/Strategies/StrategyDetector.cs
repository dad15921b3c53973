using Stop.Runs.Strategies.Patterns;

namespace Stop.Runs.Strategies;

/// <summary>
/// Names the search strategies an improver uses, from the structure of its code: loops, model calls, scores,
/// random draws and how values flow between them. Comments, identifier names and string contents are never read,
/// so a generation that only renames things or rewrites its prompts keeps its strategies.
/// </summary>
/// <remarks>Each pattern errs towards a miss: a strategy reported is one whose structural signature is in the code.</remarks>
public static class StrategyDetector
{
    private static readonly IStrategyPattern[] Patterns =
    [
        new BestOfNPattern(),
        new IterativeRefinementPattern(),
        new BeamSearchPattern(),
        new GeneticAlgorithmPattern(),
        new SimulatedAnnealingPattern(),
        new BanditSelectionPattern(),
        new TemperatureSchedulePattern(),
        new DecompositionPattern(),
        new VotingPattern(),
    ];

    /// <summary>The strategies found in <paramref name="improverSource"/>, one entry each, in <see cref="ImproverStrategy"/> order.</summary>
    public static IReadOnlyList<DetectedStrategy> Detect(string improverSource)
    {
        ArgumentNullException.ThrowIfNull(improverSource);
        var improver = ImproverSyntax.Parse(improverSource);
        return Patterns
            .Select(p => p.Find(improver))
            .OfType<DetectedStrategy>()
            .OrderBy(d => d.Strategy)
            .ToList();
    }
}
