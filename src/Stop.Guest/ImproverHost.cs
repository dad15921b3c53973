using System.Diagnostics;

namespace Stop.Guest;

/// <summary>The host bridge of the improver running on this thread.</summary>
[StackTraceHidden]
public static class ImproverHost
{
    [ThreadStatic] private static IImproverHost? current;

    internal static IImproverHost Current =>
        current ?? throw new InvalidOperationException("This candidate is not running as an improver, so it has no language model or utility.");

    /// <summary>Installs the bridge for the improver about to run on this thread (the worker calls this).</summary>
    public static void Install(IImproverHost? host) => current = host;
}
