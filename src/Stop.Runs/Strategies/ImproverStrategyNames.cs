namespace Stop.Runs.Strategies;

/// <summary>The names a person reads for each <see cref="ImproverStrategy"/>.</summary>
public static class ImproverStrategyNames
{
    /// <summary>The strategy as the paper calls it, lower case: "beam search", "simulated annealing".</summary>
    public static string DisplayName(this ImproverStrategy strategy) => strategy switch
    {
        ImproverStrategy.BestOfN => "best-of-n sampling",
        ImproverStrategy.IterativeRefinement => "iterative refinement",
        ImproverStrategy.BeamSearch => "beam search",
        ImproverStrategy.GeneticAlgorithm => "genetic algorithm",
        ImproverStrategy.SimulatedAnnealing => "simulated annealing",
        ImproverStrategy.BanditSelection => "bandit selection",
        ImproverStrategy.TemperatureSchedule => "temperature schedule",
        ImproverStrategy.Decomposition => "decomposition",
        ImproverStrategy.Voting => "voting",
        _ => strategy.ToString(),
    };
}
