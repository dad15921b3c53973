string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert computer science researcher and programmer.";
    var m = Math.Min(languageModel.MaxResponsesPerCall, utility.Budget);
    double[] d = [0.4, 0.7, 1.0];
    var seen = new HashSet<string>();
    var found = new List<string>();
    foreach (var x in d)
    {
        var msg = $"Improve the following solution:\n{initialSolution}\nFocus on a different aspect.";
        var got = languageModel.BatchPrompt(e, Enumerable.Repeat(msg, m).ToList(), x).Select(Code.Extract);
        foreach (var s in got)
        {
            if (seen.Add(s))
            {
                found.Add(s);
            }
        }
    }
    return found.MaxBy(utility.Score)!;
}
