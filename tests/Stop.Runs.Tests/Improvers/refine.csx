string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var e = "You are an expert programmer.";
    var x = initialSolution;
    var fx = utility.Score(x);
    for (var k = 0; k < 4; k++)
    {
        var m = $"Improve this:\n{x}\nReturn only code.";
        var ys = languageModel.Prompt(e, m, 2, 0.8).Select(Code.Extract).ToList();
        foreach (var y in ys)
        {
            var fy = utility.Score(y);
            if (fy > fx)
            {
                x = y;
                fx = fy;
            }
        }
    }
    return x;
}
