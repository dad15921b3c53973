string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var w = new Random(3);
    string[] k = ["Speed it up.", "Make it more robust.", "Try a different approach."];
    var n = new int[k.Length];
    var v = new double[k.Length];
    var all = new List<string> { initialSolution };
    for (var i = 0; i < 8; i++)
    {
        var j = w.NextDouble() < 0.2
            ? w.Next(k.Length)
            : Enumerable.Range(0, k.Length).MaxBy(z => n[z] == 0 ? 1e9 : v[z] / n[z]);
        var o = Code.Extract(languageModel.Prompt("You are an expert programmer.", k[j] + "\n" + initialSolution, 1, 0.7)[0]);
        n[j] += 1;
        v[j] += utility.Score(o);
        all.Add(o);
    }
    return all.MaxBy(utility.Score)!;
}
