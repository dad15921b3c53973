namespace Stop.Guest;

/// <summary>
/// What an improver's calls reach: the host process, which owns the budgets, the language model and the
/// hidden scorer. The worker installs an implementation that forwards each call over its channel.
/// </summary>
public interface IImproverHost
{
    /// <summary>Asks the model for one completion per message, all under one call of the language model's budget.</summary>
    IReadOnlyList<string> Prompt(int languageModel, string expertise, IReadOnlyList<string> messages, double temperature);

    /// <summary>Scores a solution with the utility's hidden scorer, counting against its budget.</summary>
    double Score(int utility, string solution);
}
