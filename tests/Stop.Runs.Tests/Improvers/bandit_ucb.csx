string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    // Each instruction is an arm of a multi-armed bandit; UCB1 picks which one to try next.
    var expertise = "You are an expert programmer.";
    string[] instructions =
    [
        "Make the algorithm asymptotically faster.",
        "Simplify the code without changing behaviour.",
        "Handle edge cases the current code misses.",
    ];
    var pulls = new int[instructions.Length];
    var rewards = new double[instructions.Length];
    var best = initialSolution;
    var bestScore = utility.Score(best);
    for (var round = 1; round <= 6; round++)
    {
        var arm = Enumerable.Range(0, instructions.Length)
            .MaxBy(i => pulls[i] == 0 ? double.MaxValue : rewards[i] / pulls[i] + Math.Sqrt(2 * Math.Log(round) / pulls[i]));
        var response = languageModel.Prompt(expertise, $"{instructions[arm]}\n{initialSolution}", 1, 0.7)[0];
        var candidate = Code.Extract(response);
        var score = utility.Score(candidate);
        pulls[arm]++;
        rewards[arm] += score;
        if (score > bestScore)
        {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}
