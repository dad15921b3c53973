string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    // Improves a solution according to a utility function, using diversified prompting
    // within a single batched language-model call and budget-aware, fail-safe selection.
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";

    var strategies = new[]
    {
        "Focus on a fundamentally better ALGORITHM: change the core approach or asymptotic complexity (e.g. a different paradigm, a smarter search, pruning, dynamic programming, or a better heuristic).",
        "Focus on IMPLEMENTATION EFFICIENCY: keep the overall approach but use better data structures, avoid redundant work, cache results, and reduce constant factors and allocations.",
        "Focus on a HYBRID / ADAPTIVE method: combine several techniques, pick the strategy based on the input, and handle edge cases robustly so that the score is never worse than the original."
    };

    string MakeMessage(string strategy) => $"""
Improve the following solution:
```csharp
{initialSolution}
```

You will be evaluated based on this score function:
```csharp
{utility.Source}
```

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