double MetaUtility(string improveStr)
{
    // Evaluates the algorithm in improveStr to improve the algorithm in algorithmStr, according to
    // some downstream utility function. This meta-utility function can only be called 25 times.
    if (MetaUtilityUses > MetaUtilityBudget)
    {
        return 0;
    }
    MetaUtilityUses++;
    var nTests = 5;
    var expectedUtility = 0.0;
    for (var test = 0; test < nTests; test++)
    {
        if (Utility.Uses >= Utility.Budget)
        {
            break;
        }
        Func<string, Utility, LanguageModel, string> improveAlgorithm;
        try
        {
            improveAlgorithm = Compile<Func<string, Utility, LanguageModel, string>>(improveStr, "ImproveAlgorithm"); // Define ImproveAlgorithm
        }
        catch
        {
            continue;
        }
        // At most 4 calls to language model, and at most 6 samples each time
        var languageModel = new LanguageModel(budget: 4, maxResponsesPerCall: 6);
        var improvedAlgorithmStr = improveAlgorithm(AlgorithmStr, Utility, languageModel);
        expectedUtility += Utility.Score(improvedAlgorithmStr) / nTests;
    }

    return expectedUtility;
}
