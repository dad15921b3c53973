string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var r = languageModel.Prompt("You are an expert programmer.", $"Improve:\n{initialSolution}", 6, 0.8);
    var p = r.Select(Code.Extract).Select(s => s.Trim());
    var top = p.GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
    return utility.Score(top) >= utility.Score(initialSolution) ? top : initialSolution;
}
