string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    // Diversified-strategy batch prompting with budget-aware, fail-safe selection.
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var strategies = new[]
    {
        "Rethink the core algorithm: find an asymptotically or structurally better approach (different data structure, dynamic programming, divide and conquer, pruning, etc.).",
        "Introduce a novel heuristic or search strategy (e.g. local search, restarts, randomized exploration, ensembling of candidate answers) that should raise the score.",
        "Keep the overall approach but find the subtle weaknesses: edge cases, wasted computation, poor constants, badly chosen parameters. Fix them and tune for the score function."
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

Strategy to focus on: {strategy}

Requirements:
- Keep exactly the same function name and signature; the code must compile on its own.
- Use only the APIs already used in the solution or the score function.
- Be as creative as you can under the constraints; your primary improvement must be novel and non-trivial.
First, briefly propose your idea, then return the complete improved solution in a single ```csharp code block.
""";

    var nMessages = Math.Max(1, Math.Min(languageModel.MaxResponsesPerCall, strategies.Length));
    var messages = Enumerable.Range(0, nMessages)
        .Select(i => BuildMessage(strategies[i % strategies.Length]))
        .ToList();

    List<string> candidates;
    try
    {
        candidates = languageModel.BatchPrompt(expertise, messages, temperature: 0.7)
            .Select(r => { try { return Code.Extract(r); } catch { return null; } })
            .Where(c => !string.IsNullOrWhiteSpace(c) && c.Trim() != initialSolution.Trim())
            .Distinct()
            .ToList();
    }
    catch
    {
        return initialSolution;
    }

    string best = null;
    var bestScore = double.NegativeInfinity;
    foreach (var candidate in candidates)
    {
        // Keep one utility use for the caller's final evaluation.
        if (utility.Budget - utility.Uses <= 1 && best != null) break;
        if (utility.Uses >= utility.Budget) break;
        double score;
        try { score = utility.Score(candidate); }
        catch { continue; }
        if (double.IsNaN(score)) continue;
        if (score > bestScore)
        {
            bestScore = score;
            best = candidate;
        }
    }

    // If nothing could be scored, fall back to an unscored candidate, or else to the original.
    return best ?? candidates.FirstOrDefault() ?? initialSolution;
}