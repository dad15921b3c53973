string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var message = $"""
        Improve the following solution:
        ```csharp
        {initialSolution}
        ```

        You will be evaluated based on this score function:
        ```csharp
        {utility.Description}
        ```

        You must return an improved solution. Be as creative as you can under the constraints.
        Your primary improvement must be novel and non-trivial. First, propose an idea, then implement it.
        """;
    var nMessages = Math.Min(languageModel.MaxResponsesPerCall, utility.Budget);
    var newSolutions = languageModel.BatchPrompt(expertise, Enumerable.Repeat(message, nMessages).ToList(), 0.7);
    var solutions = newSolutions.Select(Code.Extract).ToList();
    var bestSolution = solutions.MaxBy(utility.Score)!;
    return bestSolution;
}
