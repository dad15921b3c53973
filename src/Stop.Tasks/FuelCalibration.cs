namespace Stop.Tasks;

/// <summary>
/// Converts STOP's wall-clock limits into fuel. Candidates burn one unit of fuel per loop back-edge and per
/// method or lambda entry (and one more per 64 syntax nodes of a large body), so a limit is a count, not a time,
/// and a run is reproducible on any machine.
/// </summary>
/// <remarks>
/// Instrumented C# runs a typical loop iteration in a few nanoseconds; CPython runs the same iteration
/// 30–100 times slower (tens of nanoseconds to a microsecond). STOP's Python candidates therefore managed
/// roughly 1,000–30,000 loop iterations per millisecond. 100,000 units per millisecond gives a C# candidate
/// at least the room a Python candidate had under STOP's limit, without letting an exhaustive search hide
/// behind a faster language.
/// </remarks>
public static class FuelCalibration
{
    /// <summary>Fuel granted per millisecond of a STOP time limit.</summary>
    public const long PerStopMillisecond = 100_000;

    /// <summary>The fuel equivalent of a STOP time limit of <paramref name="milliseconds"/>.</summary>
    public static long ForStopMilliseconds(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        return checked(milliseconds * PerStopMillisecond);
    }
}
