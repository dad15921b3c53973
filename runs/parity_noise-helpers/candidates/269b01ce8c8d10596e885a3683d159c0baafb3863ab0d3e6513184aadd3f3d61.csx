
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