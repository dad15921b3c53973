string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert programmer.";
    var r = new Random(1);
    var s = initialSolution;
    var q = utility.Score(s);
    var best = s;
    var bestQ = q;
    var t = 1.0;
    while (t > 0.05)
    {
        var c = Code.Extract(languageModel.Prompt(e, $"Modify:\n{s}", 1, 0.9)[0]);
        var qc = utility.Score(c);
        if (qc > q || r.NextDouble() < Math.Exp((qc - q) / t))
        {
            s = c;
            q = qc;
        }
        if (q > bestQ)
        {
            best = s;
            bestQ = q;
        }
        t *= 0.7;
    }
    return best;
}
