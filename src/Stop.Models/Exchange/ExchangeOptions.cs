namespace Stop.Models.Exchange;

/// <summary>How an exchange provider waits for answers.</summary>
/// <param name="PollInterval">Time between looks for a response file.</param>
public sealed record ExchangeOptions(TimeSpan? PollInterval = null)
{
    internal TimeSpan EffectivePollInterval => PollInterval ?? TimeSpan.FromSeconds(1);
}
