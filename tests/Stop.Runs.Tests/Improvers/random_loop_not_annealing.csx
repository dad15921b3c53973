string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var r = new Random(5);
    var c = new List<string> { initialSolution };
    var t = 1.0;
    for (var i = 0; i < 5; i++)
    {
        var h = r.NextDouble() < Math.Exp(-1.0 / 2.0) ? "Make it shorter." : "Make it faster.";
        c.Add(Code.Extract(languageModel.Prompt("You are an expert programmer.", h + "\n" + initialSolution, 1, 0.7)[0]));
        t *= 0.9;
    }
    return c.MaxBy(utility.Score)!;
}
