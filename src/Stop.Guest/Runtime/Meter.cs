using System.Runtime.CompilerServices;

namespace Stop.Guest.Runtime;

/// <summary>
/// The counters that instrumentation injects into a candidate: fuel (loop back-edges, method and lambda
/// entries) and call depth. Limits are counted, not timed, so an outcome is the same on every machine.
/// Candidates may not name this type; the policy refuses it.
/// </summary>
public static class Meter
{
    [ThreadStatic] private static long fuelLeft;
    [ThreadStatic] private static long fuelLimit;
    [ThreadStatic] private static int depth;
    [ThreadStatic] private static int depthLimit;
    [ThreadStatic] private static MeterTrip trip;
    [ThreadStatic] private static long elements;

    /// <summary>Why metering stopped the candidate, if it did.</summary>
    public static MeterTrip Trip => trip;

    /// <summary>Fuel burnt since <see cref="Reset"/>.</summary>
    public static long FuelUsed => fuelLimit - Math.Max(fuelLeft, 0);

    /// <summary>Arms the meter for one call on this thread.</summary>
    public static void Reset(long fuel, int maxDepth)
    {
        fuelLeft = fuel;
        fuelLimit = fuel;
        depth = 0;
        depthLimit = maxDepth;
        trip = MeterTrip.None;
    }

    /// <summary>Burns one unit of fuel; once fuel is exhausted every later tick throws again, so a catch cannot swallow it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tick()
    {
        if (--fuelLeft < 0)
        {
            OutOfFuel();
        }
    }

    /// <summary>Burns fuel in proportion to an array's (first) length, so allocation cannot run unmetered.</summary>
    public static int Charge(int length)
    {
        Charge((long)length);
        return length;
    }

    /// <summary>Burns fuel in proportion to an array's (first) length, so allocation cannot run unmetered.</summary>
    public static long Charge(long length)
    {
        elements = Math.Max(length, 0);
        fuelLeft -= elements / ElementsPerFuel;
        Tick();
        return length;
    }

    /// <summary>Burns fuel in proportion to an array's (first) length, so allocation cannot run unmetered.</summary>
    public static ulong Charge(ulong length)
    {
        Charge((long)Math.Min(length, long.MaxValue));
        return length;
    }

    /// <summary>
    /// Burns fuel for the elements a further dimension multiplies (<c>new int[n, m]</c> allocates n × m), given right
    /// after <see cref="Charge(long)"/> for the first: sizes are evaluated left to right.
    /// </summary>
    public static int ChargeTimes(int length)
    {
        ChargeTimes((long)length);
        return length;
    }

    /// <inheritdoc cref="ChargeTimes(int)"/>
    public static long ChargeTimes(long length)
    {
        var product = length <= 0 ? 0 : elements > long.MaxValue / length ? long.MaxValue : elements * length;
        fuelLeft -= product / ElementsPerFuel - elements / ElementsPerFuel;
        elements = product;
        Tick();
        return length;
    }

    /// <inheritdoc cref="ChargeTimes(int)"/>
    public static ulong ChargeTimes(ulong length)
    {
        ChargeTimes((long)Math.Min(length, long.MaxValue));
        return length;
    }

    /// <summary>Array elements one unit of fuel allocates (allocation is cheap per element, but not free).</summary>
    public const int ElementsPerFuel = 64;

    /// <summary>Enters a method: one unit of fuel and one level of depth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        Tick();
        if (++depth > depthLimit)
        {
            TooDeep();
        }
    }

    /// <summary>Leaves a method entered with <see cref="Enter"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave() => depth--;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfFuel()
    {
        fuelLeft = -1;
        if (trip == MeterTrip.None)
        {
            trip = MeterTrip.Fuel;
        }
        throw new FuelExhaustedException();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TooDeep()
    {
        // Exhaust the fuel too, so that catching the exception and carrying on cannot get past the limit.
        fuelLeft = -1;
        if (trip == MeterTrip.None)
        {
            trip = MeterTrip.Depth;
        }
        throw new FuelExhaustedException();
    }
}
