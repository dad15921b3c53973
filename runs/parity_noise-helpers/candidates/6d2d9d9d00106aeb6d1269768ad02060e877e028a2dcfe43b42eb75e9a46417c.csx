string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    const string expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var strategies = new[]
    {
        "Focus on a fundamentally better ALGORITHM: change the core approach or asymptotic complexity (different paradigm, smarter search, pruning, DP, better heuristic).",
        "Focus on IMPLEMENTATION EFFICIENCY: better data structures, no redundant work, caching, fewer allocations and smaller constant factors.",
        "Focus on a HYBRID / ADAPTIVE method: combine techniques, adapt to the input, handle edge cases so the score is never worse than the original."
    };

    // ---- persistent, process-wide score memo (survives across ImproveAlgorithm calls) ----
    const string memoKey = "__ImproveAlgorithm_ScoreMemo_v2";
    var memo = AppDomain.CurrentDomain.GetData(memoKey) as System.Collections.Concurrent.ConcurrentDictionary<string, double>;
    if (memo == null)
    {
        memo = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        AppDomain.CurrentDomain.SetData(memoKey, memo);
    }
    static string Key(string code)
    {
        var sb = new System.Text.StringBuilder(code.Length);
        foreach (var ch in code) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        using var sha = System.Security.Cryptography.SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(sb.ToString())));
    }
    const int reserve = 1; // keep one use for the caller's final Score()
    bool CanSpend() => utility.Budget - utility.Uses > reserve;
    bool TryScore(string code, string key, out double s)
    {
        if (memo.TryGetValue(key, out s)) return true;
        if (!CanSpend()) return false;
        try { s = utility.Score(code); } catch { s = double.NegativeInfinity; }
        if (double.IsNaN(s)) s = double.NegativeInfinity;
        memo[key] = s;
        return true;
    }

    var initialKey = Key(initialSolution);
    var scorable = Math.Max(1, utility.Budget - utility.Uses - reserve);
    var n = Math.Max(1, Math.Min(languageModel.MaxResponsesPerCall, scorable));

    var messages = new List<string>(n);
    for (var i = 0; i < n; i++)
        messages.Add($"""
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
Research direction for this attempt: {strategies[i % strategies.Length]}
Keep the same function name and signature, and return exactly one complete ```csharp code block.
""");

    var candidates = new List<(string code, string key)>(n);
    var seen = new HashSet<string> { initialKey };
    try
    {
        foreach (var response in languageModel.BatchPrompt(expertise, messages, temperature: 0.7))
        {
            string code;
            try { code = Code.Extract(response); } catch { continue; }
            if (string.IsNullOrWhiteSpace(code)) continue;
            code = code.Trim();
            var k = Key(code);
            if (seen.Add(k)) candidates.Add((code, k));
        }
    }
    catch
    {
        return initialSolution;
    }
    if (candidates.Count == 0) return initialSolution;

    // Score memoized candidates first (free), then the rest while budget allows.
    candidates.Sort((a, b) => memo.ContainsKey(b.key).CompareTo(memo.ContainsKey(a.key)));
    string best = null;
    var bestScore = double.NegativeInfinity;
    foreach (var (code, key) in candidates)
    {
        if (!TryScore(code, key, out var s)) break;
        if (s > bestScore) { bestScore = s; best = code; }
    }
    if (best == null) return candidates[0].code; // nothing scorable: take the first well-formed candidate

    // Baseline guard: free if memoized, otherwise only if budget remains beyond the reserve.
    if (TryScore(initialSolution, initialKey, out var initialScore) && initialScore >= bestScore)
        return initialSolution;

    return best;
}