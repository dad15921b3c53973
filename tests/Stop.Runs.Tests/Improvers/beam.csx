string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert programmer.";
    var pool = new List<string> { initialSolution };
    double f(string s) => utility.Score(s);
    for (var g = 0; g < 3; g++)
    {
        var next = new List<string>(pool);
        foreach (var p in pool)
        {
            var r = languageModel.Prompt(e, $"Make this faster:\n{p}", 3, 0.7);
            next.AddRange(r.Select(Code.Extract));
        }
        pool = next.Distinct().OrderByDescending(f).Take(3).ToList();
    }
    return pool[0];
}
