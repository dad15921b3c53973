string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var expertise = "You are an expert computer science researcher and programmer.";
    var idea = languageModel.Prompt(expertise, $"Propose one idea to improve:\n{initialSolution}", 1, 0.9)[0];
    var implementations = languageModel.BatchPrompt(
        expertise,
        Enumerable.Repeat($"Implement this idea:\n{idea}\nin:\n{initialSolution}", 4).ToList(),
        0.5);
    return implementations.Select(Code.Extract).Append(initialSolution).MaxBy(utility.Score)!;
}
