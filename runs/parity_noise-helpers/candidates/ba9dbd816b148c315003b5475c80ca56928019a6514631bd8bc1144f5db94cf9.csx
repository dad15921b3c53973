string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var strategies = new[]
    {
        "Change the core ALGORITHM or its asymptotic complexity (new paradigm, smarter search, pruning, DP, better heuristic).",
        "Keep the approach but maximize IMPLEMENTATION EFFICIENCY (data structures, caching, fewer allocations, no redundant work).",
        "Build a ROBUST HYBRID: combine techniques, adapt to the input, and never score worse than the original."
    };
    var nameMatch = System.Text.RegularExpressions.Regex.Match(initialSolution, @"\b(\w+)\s*\(");
    var fnName = nameMatch.Success ? nameMatch.Groups[1].Value : "";

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
Your primary improvement must be novel and non-trivial. First, briefly propose an idea, then implement it.
Research direction: {strategy}
Before answering, mentally check that the code compiles, handles edge cases, and keeps the signature.
Keep the same function name and signature, and return exactly one complete ```csharp code block.
""";

    int Remaining() => Math.Max(0, utility.Budget - utility.Uses);
    var n = Math.Max(1, languageModel.MaxResponsesPerCall);
    var messages = Enumerable.Range(0, n).Select(i => MakeMessage(strategies[i % strategies.Length])).ToList();

    bool Balanced(string s, char o, char c)
    {
        int d = 0;
        foreach (var ch in s) { if (ch == o) d++; else if (ch == c && --d < 0) return false; }
        return d == 0;
    }
    double Plausibility(string code)
    {
        double p = 0;
        if (fnName.Length > 0 && code.Contains(fnName + "(")) p += 4;
        if (Balanced(code, '{', '}')) p += 2;
        if (Balanced(code, '(', ')')) p += 1;
        if (code.Contains("return")) p += 1;
        return p;
    }

    List<string> candidates;
    try
    {
        candidates = languageModel.BatchPrompt(expertise, messages, temperature: 0.7)
            .Select(r => { try { return Code.Extract(r); } catch { return null; } })
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Trim())
            .Distinct()
            .Where(c => c != initialSolution.Trim())
            .Select(c => (code: c, p: Plausibility(c)))
            .Where(t => t.p >= 6)                       // static pre-screen: free
            .OrderByDescending(t => t.p)
            .ThenBy(t => t.code.Length)
            .Select(t => t.code)
            .ToList();
    }
    catch { return initialSolution; }
    if (candidates.Count == 0) return initialSolution;

    // Reserve budget for evaluations performed after we return.
    var reserve = Math.Min(2, Math.Max(1, Remaining() / 3));
    var allowance = Math.Max(0, Remaining() - reserve);
    if (allowance == 0) return initialSolution;        // cannot verify: stay safe

    string best = null;
    var bestScore = double.NegativeInfinity;
    var evaluated = 0;
    foreach (var cand in candidates)
    {
        if (evaluated >= allowance || Remaining() <= reserve) break;
        double s;
        try { s = utility.Score(cand); } catch { evaluated++; continue; }
        evaluated++;
        if (double.IsNaN(s) || double.IsInfinity(s)) continue;
        if (s > bestScore) { bestScore = s; best = cand; }
    }
    if (best == null) return initialSolution;

    // Baseline comparison only when spare budget exists beyond the reserve.
    if (evaluated < allowance && Remaining() > reserve)
    {
        try { if (utility.Score(initialSolution) >= bestScore) return initialSolution; }
        catch { }
        return best;
    }
    return bestScore > 0 ? best : initialSolution;
}