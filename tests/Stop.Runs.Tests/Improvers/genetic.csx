string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert programmer.";
    var rng = new Random(7);
    var a = languageModel.BatchPrompt(e, Enumerable.Repeat($"Rewrite:\n{initialSolution}", 6).ToList(), 1.0)
        .Select(Code.Extract).Append(initialSolution).ToList();
    string h()
    {
        var u = a[rng.Next(a.Count)];
        var v = a[rng.Next(a.Count)];
        return utility.Score(u) >= utility.Score(v) ? u : v;
    }
    for (var t = 0; t < 4; t++)
    {
        var b = new List<string>();
        for (var j = 0; j < 4; j++)
        {
            var p1 = h();
            var p2 = h();
            var c = Code.Extract(languageModel.Prompt(e, $"Combine the best of both:\n{p1}\n---\n{p2}", 1, 0.7)[0]);
            if (rng.NextDouble() < 0.3)
            {
                c = Code.Extract(languageModel.Prompt(e, $"Change one thing in:\n{c}", 1, 1.0)[0]);
            }
            b.Add(c);
        }
        a = a.Concat(b).OrderByDescending(z => utility.Score(z)).Take(6).ToList();
    }
    return a[0];
}
