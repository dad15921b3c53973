string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    // Improves a solution according to a utility function, using diversified strategy prompts
    // and a never-get-worse selection rule.
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var strategies = new[]
    {
        "Strategy: make a fundamental ALGORITHMIC change (better asymptotic complexity, smarter data structures, pruning, or memoization). Do not just micro-optimize.",
        "Strategy: study the score function closely. Find exactly what it rewards and penalizes (including edge cases and limits) and tailor the solution to maximize that score while staying correct.",
        "Strategy: be bold. Try an unusual approach (randomized search, hybrid of several methods, or adaptive/iterative refinement). Keep a safe fallback so it never performs worse than a simple baseline.",
    };

    string BuildMessage(string strategy) => $"""
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
{strategy}
Return exactly ONE complete ```csharp code block containing the full solution with the same function name and signature.
""";

    int remainingUtility = Math.Max(0, utility.Budget - utility.Uses);
    int nMessages = Math.Max(1, Math.Min(languageModel.MaxResponsesPerCall, Math.Max(1, remainingUtility)));
    var messages = Enumerable.Range(0, nMessages).Select(i => BuildMessage(strategies[i % strategies.Length])).ToList();

    List<string> candidates;
    try
    {
        candidates = languageModel.BatchPrompt(expertise, messages, temperature: 0.7)
            .Select(r => { try { return Code.Extract(r); } catch { return null; } })
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Distinct()
            .ToList();
    }
    catch
    {
        return initialSolution;
    }

    if (candidates.Count == 0)
        return initialSolution;

    string bestSolution = null;
    double bestScore = double.NegativeInfinity;
    foreach (var candidate in candidates)
    {
        if (utility.Uses >= utility.Budget) break;
        double score;
        try { score = utility.Score(candidate); }
        catch { continue; }
        if (double.IsNaN(score)) continue;
        if (score > bestScore) { bestScore = score; bestSolution = candidate; }
    }

    // If nothing could be scored, prefer the untouched original over an unverified rewrite.
    return bestSolution ?? initialSolution;
}