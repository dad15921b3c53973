using Stop.Models.Usage;
using Stop.Runs.RunDirectories;

namespace Stop.Runs.SelfImprovement;

/// <summary>Hears of a run's progress as it happens (the command line draws it; tests count it).</summary>
public interface IRunProgress
{
    void Recorded(RunEvent runEvent);

    void Stage(string description);

    /// <summary>Where the run's token and cost totals can be read while it goes.</summary>
    void ReadUsageFrom(Func<UsageTotals> totals)
    {
    }
}

/// <summary>Progress nobody watches.</summary>
public sealed class NoProgress : IRunProgress
{
    public static NoProgress Instance { get; } = new();

    public void Recorded(RunEvent runEvent)
    {
    }

    public void Stage(string description)
    {
    }
}
