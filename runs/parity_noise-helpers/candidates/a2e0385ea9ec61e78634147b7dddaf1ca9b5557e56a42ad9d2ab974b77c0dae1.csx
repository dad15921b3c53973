string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    // Ordered from lowest to highest risk: scored in this order when budget is scarce.
    var strategies = new[]
    {
        "Focus on IMPLEMENTATION EFFICIENCY: keep the approach, but use better data structures, caching, and fewer redundant operations. Be careful and correct.",
        "Focus on a HYBRID / ADAPTIVE method: combine techniques, choose the strategy based on the input, and handle edge cases so the score never falls below the original.",
        "Focus on a fundamentally better ALGORITHM: change the core approach or its complexity (a new paradigm, smarter search, pruning, DP, or a better heuristic)."
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

    int Remaining() => Math.Max(0, utility.Budget - utility.Uses);
    const int reserve = 1; // keep one use for the caller's final evaluation
    var evalBudget = Remaining() - reserve;
    if (evalBudget <= 0) return initialSolution; // cannot verify anything: stay safe

    var nMessages = Math.Max(1, Math.Min(languageModel.MaxResponsesPerCall, evalBudget));
    var messages = Enumerable.Range(0, nMessages)
        .Select(i => MakeMessage(strategies[i % strategies.Length])).ToList();

    List<string> responses;
    try { responses = languageModel.BatchPrompt(expertise, messages, temperature: 0.7).ToList(); }
    catch { return initialSolution; }

    var initTrim = initialSolution.Trim();
    var seen = new HashSet<string> { initTrim };
    var candidates = new List<string>(); // keeps the risk order of the prompts
    foreach (var r in responses)
    {
        string code;
        try { code = Code.Extract(r)?.Trim(); } catch { continue; }
        if (string.IsNullOrWhiteSpace(code) || !code.Contains("ImproveAlgorithm")) continue;
        if (seen.Add(code)) candidates.Add(code);
    }
    if (candidates.Count == 0) return initialSolution;

    string best = null;
    var bestScore = double.NegativeInfinity;
    foreach (var c in candidates)
    {
        if (Remaining() <= reserve) break;
        double s;
        try { s = utility.Score(c); } catch { continue; }
        if (double.IsNaN(s) || double.IsInfinity(s)) continue;
        if (s > bestScore) { bestScore = s; best = c; }
    }
    if (best == null) return initialSolution;

    // Baseline check only if it does not eat the reserved evaluation.
    if (Remaining() > reserve)
    {
        try
        {
            var s0 = utility.Score(initialSolution);
            if (!double.IsNaN(s0) && s0 >= bestScore) return initialSolution;
        }
        catch { }
    }
    return best;
}