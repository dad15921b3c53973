
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