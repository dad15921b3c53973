using System.Diagnostics;

namespace Stop.Guest;

/// <summary>
/// A utility as an improver sees it (STOP's <c>utility</c>): a budgeted hidden scorer and the visible
/// source the model is shown.
/// </summary>
[StackTraceHidden]
public sealed class Utility
{
    private readonly int handle;

    /// <summary>Binds a utility handle the host gave out.</summary>
    public Utility(int handle, string source, int budget)
    {
        this.handle = handle;
        Source = source;
        Budget = budget;
    }

    /// <summary>The utility's text as shown to the language model.</summary>
    public string Source { get; }

    /// <summary>How many scorings are allowed; past it, <see cref="Score"/> returns 0, as STOP's does.</summary>
    public int Budget { get; }

    /// <summary>How many scorings this improver has used (STOP's <c>utility.uses</c>).</summary>
    public int Uses { get; private set; }

    /// <summary>Scores a solution; a missing or empty solution scores 0 without counting.</summary>
    public double Score(string? solution)
    {
        if (string.IsNullOrEmpty(solution))
        {
            return 0;
        }
        Uses++;
        return ImproverHost.Current.Score(handle, solution);
    }
}
