using Stop.Runs.Configuration;

namespace Stop.Runs.MetaUtilities;

/// <summary>The meta-utility handed to an improver that improves itself: budgeted, scored on val, shown as its C# text.</summary>
internal sealed class MetaUtilityAsUtility(MetaUtility metaUtility, RunOptions options, string key) : IScoredUtility
{
    private readonly UseBudget uses = new(options.UtilityBudget);

    public string Source { get; } = VisibleSource(options);

    public int Budget => uses.Budget;

    public int Uses => uses.Uses;

    public async Task<double> ScoreAsync(string solution, CancellationToken cancellationToken)
    {
        if (!uses.TryTake(out var use))
        {
            return 0;
        }
        var score = await metaUtility.EvaluateAsync(solution, $"{key}/u{use}", withTest: false, cancellationToken).ConfigureAwait(false);
        return score.Val;
    }

    /// <summary>
    /// The meta-utility's C# text with this run's numbers in it (STOP's text hard-codes its own k = 5,
    /// m = 4, n = 6 and 25 uses), so an improver reads the budgets it really has.
    /// </summary>
    public static string VisibleSource(RunOptions options) => SeedFiles.MetaUtilitySource
        .Replace("can only be called 25 times", $"can only be called {options.UtilityBudget} times", StringComparison.Ordinal)
        .Replace("var nTests = 5;", $"var nTests = {options.MetaTests};", StringComparison.Ordinal)
        .Replace("At most 4 calls to language model, and at most 6 samples each time", $"At most {options.CallBudget} calls to language model, and at most {options.ResponsesPerCall} samples each time", StringComparison.Ordinal)
        .Replace("new LanguageModel(budget: 4, maxResponsesPerCall: 6)", $"new LanguageModel(budget: {options.CallBudget}, maxResponsesPerCall: {options.ResponsesPerCall})", StringComparison.Ordinal);
}
