
You must return an improved solution. Be as creative as you can under the constraints.
Your primary improvement must be novel and non-trivial. First, propose an idea, then implement it.
Research direction for this attempt: {strategy}
Keep the same function name and signature, and return exactly one complete ```csharp code block.
""";

    var remainingUtility = Math.Max(0, utility.Budget - utility.Uses);
    var nMessages = Math.Max(1, Math.Min(languageModel.MaxResponsesPerCall, Math.Max(1, remainingUtility)));
    var messages = Enumerable.Range(0, nMessages)
        .Select(i => MakeMessage(strategies[i % strategies.Length]))
        .ToList();

    List<string> candidates;
    try
    {
        candidates = languageModel.BatchPrompt(expertise, messages, temperature: 0.7)
            .Select(response =>
            {
                try { return Code.Extract(response); }
                catch { return null; }
            })
            .Where(code => !string.IsNullOrWhiteSpace(code))
            .Select(code => code.Trim())
            .Distinct()
            .Where(code => code != initialSolution.Trim())
            .ToList();
    }
    catch
    {
        return initialSolution;
    }

    string bestSolution = null;
    var bestScore = double.NegativeInfinity;

    foreach (var candidate in candidates)
    {
        if (utility.Uses >= utility.Budget)
        {
            break;
        }
        double score;
        try
        {
            score = utility.Score(candidate);
        }
        catch
        {
            continue;
        }
        if (double.IsNaN(score))
        {
            continue;
        }
        if (score > bestScore)
        {
            bestScore = score;
            bestSolution = candidate;
        }
    }

    // Safeguard: compare against the original if the budget still allows it.
    if (bestSolution != null && utility.Uses < utility.Budget)
    {
        try
        {
            var initialScore = utility.Score(initialSolution);
            if (initialScore >= bestScore)
            {
                return initialSolution;
            }
        }
        catch
        {
            // Ignore: keep the best candidate.
        }
    }

    return bestSolution ?? initialSolution;
}