string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert programmer.";
    string q(string m) => languageModel.Prompt(e, m, 1, 0.6)[0];
    var u = q($"List the functions of this program, one per line:\n{initialSolution}");
    var w = new List<string>();
    foreach (var z in u.Split('\n', StringSplitOptions.RemoveEmptyEntries))
    {
        w.Add(q($"Rewrite only {z} of this program to be faster and return the whole program:\n{initialSolution}"));
    }
    var c = w.Select(Code.Extract).Append(initialSolution).ToList();
    var y = c[0];
    foreach (var o in c)
    {
        if (utility.Score(o) > utility.Score(y))
        {
            y = o;
        }
    }
    return y;
}
