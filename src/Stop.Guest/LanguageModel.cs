using System.Diagnostics;

namespace Stop.Guest;

/// <summary>
/// The language model as an improver sees it (STOP's <c>LanguageModel</c>). Every call goes to the host,
/// which counts it against <see cref="Budget"/> and records the exchange.
/// </summary>
[StackTraceHidden]
public sealed class LanguageModel
{
    private readonly int handle;

    /// <summary>Binds a language model handle the host gave out.</summary>
    public LanguageModel(int handle, int budget, int maxResponsesPerCall)
    {
        this.handle = handle;
        Budget = budget;
        MaxResponsesPerCall = maxResponsesPerCall;
    }

    /// <summary>The fixed total of calls allowed (not the number left), as in STOP.</summary>
    public int Budget { get; }

    /// <summary>The most completions one call may ask for.</summary>
    public int MaxResponsesPerCall { get; }

    /// <summary>Asks for <paramref name="nResponses"/> independent completions of one message; counts one call.</summary>
    public IReadOnlyList<string> Prompt(string expertise, string message, int nResponses = 1, double temperature = 0.7)
    {
        ArgumentNullException.ThrowIfNull(expertise);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nResponses);
        var messages = new string[nResponses];
        Array.Fill(messages, message);
        return ImproverHost.Current.Prompt(handle, expertise, messages, temperature);
    }

    /// <summary>Asks for one completion per message; counts one call.</summary>
    public IReadOnlyList<string> BatchPrompt(string expertise, IEnumerable<string> messages, double temperature = 0.7)
    {
        ArgumentNullException.ThrowIfNull(expertise);
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToArray();
        return list.Length == 0 ? [] : ImproverHost.Current.Prompt(handle, expertise, list, temperature);
    }
}
