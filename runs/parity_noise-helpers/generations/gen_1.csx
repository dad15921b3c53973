string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
{
    // Improves a solution according to a utility function.
    var expertise = "You are an expert computer science researcher and programmer, especially skilled at optimizing algorithms.";
    var message = $"""
Improve the following solution:
```csharp
{initialSolution}
```

You will be evaluated based on this score function:
```csharp
{utility.Source}
```

You must return an improved solution. Be as creative as you can under the constraints.
Your primary improvement must be novel and non-trivial. First, propose an idea, then implement it.
""";
    var nMessages = Math.Min(languageModel.MaxResponsesPerCall, utility.Budget);
    var newSolutions = languageModel.BatchPrompt(expertise, Enumerable.Repeat(message, nMessages), temperature: 0.7)
        .Select(Code.Extract)
        .ToList();
    var bestSolution = newSolutions.MaxBy(solution => utility.Score(solution));
    return bestSolution;
}
