namespace Stop.Runs.Strategies;

/// <summary>The search strategies STOP's improvers were seen to invent (Zelikman et al. 2023, §5).</summary>
public enum ImproverStrategy
{
    /// <summary>One batch of n responses, each scored, the best kept: the seed improver.</summary>
    BestOfN,

    /// <summary>A loop that puts the current best solution in the prompt and replaces it with better ones.</summary>
    IterativeRefinement,

    /// <summary>A population kept to the top k by score, each member expanded by model calls, over iterations.</summary>
    BeamSearch,

    /// <summary>Parents combined in one prompt (crossover), mutation, and score-based selection over generations.</summary>
    GeneticAlgorithm,

    /// <summary>A worse candidate accepted with probability exp(-Δ/T) while T falls.</summary>
    SimulatedAnnealing,

    /// <summary>Prompts or settings chosen as arms of a multi-armed bandit (UCB or epsilon-greedy).</summary>
    BanditSelection,

    /// <summary>The sampling temperature varied across model calls.</summary>
    TemperatureSchedule,

    /// <summary>Distinct prompts in sequence, one call's output feeding the next (propose then implement, split into parts).</summary>
    Decomposition,

    /// <summary>Several responses reduced by majority vote.</summary>
    Voting,
}
