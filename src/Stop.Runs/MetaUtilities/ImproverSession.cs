using Stop.Models;
using Stop.Sandbox;

namespace Stop.Runs.MetaUtilities;

/// <summary>
/// The host side of one improver run: the language model and the utility behind the handles the improver
/// was given. A spent budget becomes an error inside the improver, as in STOP; a failure of the model
/// itself (or a usage limit) abandons the run.
/// </summary>
internal sealed class ImproverSession(LanguageModel languageModel, IScoredUtility utility) : IImproverCalls
{
    public const int LanguageModelHandle = 1;
    public const int UtilityHandle = 2;

    public LanguageModel LanguageModel { get; } = languageModel;

    public IScoredUtility Utility { get; } = utility;

    public async Task<IReadOnlyList<string>> PromptAsync(int languageModel, string expertise, IReadOnlyList<string> messages, double temperature, CancellationToken cancellationToken)
    {
        if (languageModel != LanguageModelHandle)
        {
            throw new ImproverCallException("This improver has no such language model.");
        }
        try
        {
            return await LanguageModel.BatchPromptAsync(expertise, messages, temperature, cancellationToken).ConfigureAwait(false);
        }
        catch (LanguageModelBudgetException exception)
        {
            throw new ImproverCallException(exception.Message);
        }
    }

    public Task<double> ScoreAsync(int utility, string solution, CancellationToken cancellationToken) =>
        utility == UtilityHandle
            ? Utility.ScoreAsync(solution, cancellationToken)
            : throw new ImproverCallException("This improver has no such utility.");
}
