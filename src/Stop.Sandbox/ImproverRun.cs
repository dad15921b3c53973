namespace Stop.Sandbox;

/// <summary>How one run of an improver ended: the solution it returned (possibly null), or why it failed.</summary>
public sealed record ImproverRun(string CandidateHash, Verdict Verdict, string Reason, string? Result, long Fuel, double WallMs, DecidedBy DecidedBy, string Console);

/// <summary>What an improver run is given: its initial solution, and the handles of its utility and language model.</summary>
public sealed record ImproverInput(
    string InitialSolution,
    int UtilityHandle,
    string UtilitySource,
    int UtilityBudget,
    int LanguageModelHandle,
    int LanguageModelBudget,
    int MaxResponsesPerCall,
    int Seed);

/// <summary>
/// The host's answers to an improver's calls. Throw <see cref="ImproverCallException"/> to raise an error
/// inside the improver (a spent budget, say); any other exception abandons the run.
/// </summary>
public interface IImproverCalls
{
    Task<IReadOnlyList<string>> PromptAsync(int languageModel, string expertise, IReadOnlyList<string> messages, double temperature, CancellationToken cancellationToken);

    Task<double> ScoreAsync(int utility, string solution, CancellationToken cancellationToken);
}

/// <summary>An error to raise inside the improver that made the call, with this message.</summary>
public sealed class ImproverCallException(string message) : Exception(message);
