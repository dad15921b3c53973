using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Stop.Guest.Runtime;

/// <summary>
/// The counters that instrumentation injects into a candidate: fuel (loop back-edges, method and lambda
/// entries, weighted by the size of the body that runs) and call depth. Limits are counted, not timed, so an outcome is the same on every machine.
/// Candidates may not name this type; the policy refuses it.
/// </summary>
[StackTraceHidden]
public static class Meter
{
    [ThreadStatic] private static long fuelLeft;
    [ThreadStatic] private static long fuelLimit;
    [ThreadStatic] private static int depth;
    [ThreadStatic] private static int depthLimit;
    [ThreadStatic] private static MeterTrip trip;
    [ThreadStatic] private static int thrownAt;
    [ThreadStatic] private static long thrown;

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
        thrownAt = 0;
        thrown = 0;
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

    /// <summary>
    /// Burns <paramref name="units"/> of fuel at once: a loop back-edge or an entry whose body is large pays for its
    /// size (<see cref="NodesPerFuel"/>), so that thousands of statements in one body cannot run for one unit.
    /// </summary>
    public static void Tick(int units)
    {
        fuelLeft -= units - 1;
        Tick();
    }

    /// <summary>Syntax nodes of a body one unit of fuel pays for: bodies smaller than this cost one unit.</summary>
    public const int NodesPerFuel = 64;

    /// <summary>
    /// Burns fuel in proportion to an array's elements, and their size, once it is allocated (<c>new T[n, m]</c> has n × m), so that
    /// allocation-heavy loops cannot run unmetered; charged after, so that a size the runtime refuses still throws.
    /// </summary>
    public static T Allocated<T>(T array)
        where T : class
    {
        fuelLeft -= ((Array)(object)array).LongLength * ElementWords<T>.Count / ElementsPerFuel;
        Tick();
        return array;
    }

    /// <summary>
    /// The 8-byte words each element of the array type <typeparamref name="T"/> takes, at least one: a struct of 256 bytes
    /// costs 32 times what a number does to allocate, and an array of them pays that.
    /// </summary>
    private static class ElementWords<T>
    {
        public static readonly long Count = Math.Max(1, (RuntimeHelpers.SizeOf(typeof(T).GetElementType()!.TypeHandle) + 7) / 8);
    }

    /// <summary>
    /// Enters the construction of an object, for <c>Constructed(Entering(), new C(…))</c>: field initializers and
    /// constructor arguments run before any constructor body enters, so recursion through them is counted here.
    /// </summary>
    /// <returns>The depth to return to.</returns>
    public static int Entering()
    {
        var before = depth;
        Enter();
        return before;
    }

    /// <summary><see cref="Entering()"/> for an initializer or construction large enough to cost more than one unit.</summary>
    public static int Entering(int units)
    {
        var before = depth;
        Enter(units);
        return before;
    }

    /// <summary>Leaves a construction entered with <see cref="Entering()"/>, handing on what it made.</summary>
    public static T Constructed<T>(int before, T value)
        where T : allows ref struct
    {
        depth = before;
        return value;
    }

    /// <summary>Counts one evaluation of a query clause (<c>where</c>, <c>select</c>, …), which the compiler turns into a lambda of its own.</summary>
    public static T Counted<T>(T value)
        where T : allows ref struct
    {
        Tick();
        return value;
    }

    /// <summary><see cref="Counted{T}(T)"/> for a clause large enough to cost more than one unit.</summary>
    public static T Counted<T>(T value, int units)
        where T : allows ref struct
    {
        Tick(units);
        return value;
    }

    /// <summary>
    /// Leaves an iterator's body with the value it yields, computed inside: <c>yield return Left&lt;T&gt;(e, inside = false)</c>.
    /// The second argument is the iterator's own record that it is suspended, set once the value is in hand.
    /// </summary>
    public static T Left<T>(T value, bool suspended)
    {
        _ = suspended;
        depth--;
        return value;
    }

    /// <summary>
    /// A candidate's iterator as its method returns it: <c>return Iterating(‹iterator›(arguments));</c>, so that disposing
    /// it is counted (<see cref="CountedIterators"/>).
    /// </summary>
    public static IEnumerable<T> Iterating<T>(IEnumerable<T> iterator) => new CountedEnumerable<T>(iterator);

    /// <inheritdoc cref="Iterating{T}(IEnumerable{T})"/>
    public static IEnumerator<T> Iterating<T>(IEnumerator<T> iterator) => new CountedEnumerator<T>(iterator);

    /// <inheritdoc cref="Iterating{T}(IEnumerable{T})"/>
    public static System.Collections.IEnumerable Iterating(System.Collections.IEnumerable iterator) =>
        new CountedEnumerable<object>((IEnumerable<object>)iterator);

    /// <inheritdoc cref="Iterating{T}(IEnumerable{T})"/>
    public static System.Collections.IEnumerator Iterating(System.Collections.IEnumerator iterator) =>
        new CountedEnumerator<object>((IEnumerator<object>)iterator);

    /// <summary>The current depth, kept by instrumentation when a <c>try</c> with <c>catch</c> clauses starts.</summary>
    public static int Depth => depth;

    /// <summary>
    /// Notes an exception as it is thrown, the candidate's or the library's, for the next <see cref="Caught"/> to pay:
    /// how many were thrown, and the deepest they were thrown from. Every one counts, since one thrown inside a filter
    /// is swallowed by the runtime and one thrown deep may be caught by the library and thrown again shallow. Called by
    /// the worker's first-chance handler, where nothing may throw, so nothing is charged here.
    /// </summary>
    public static void Thrown()
    {
        thrown++;
        thrownAt = Math.Max(thrownAt, depth);
    }

    /// <summary>
    /// Enters a <c>catch</c>: pays for the exceptions thrown since the last one (about 700 ticks' time each) and for
    /// the frames unwound from the deepest of them (about 200 each, finally blocks leaving as they go); and returns to
    /// the depth its <c>try</c> started at, since an exception thrown inside a construction skips the
    /// <see cref="Constructed"/> that would have left it.
    /// </summary>
    public static void Caught(int before)
    {
        fuelLeft -= Math.Max(thrown, 1) * (long)FuelPerThrow + (long)Math.Max(thrownAt - before, 0) * FuelPerUnwoundFrame;
        thrown = 0;
        thrownAt = 0;
        depth = before;
        Tick();
    }

    /// <summary>Fuel each exception thrown costs, besides the frames it unwound.</summary>
    public const int FuelPerThrow = 1024;

    /// <summary>Fuel each frame an exception unwinds before it is caught costs.</summary>
    public const int FuelPerUnwoundFrame = 256;

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

    /// <summary>Enters a method whose body is large enough to cost more than one unit.</summary>
    public static void Enter(int units)
    {
        Tick(units);
        if (++depth > depthLimit)
        {
            TooDeep();
        }
    }

    /// <summary>Leaves a method entered with <see cref="Enter()"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave() => depth--;

    /// <summary>
    /// Stops the candidate on this thread because memory ran out, as exhausted fuel stops it: a candidate that caught the
    /// <see cref="OutOfMemoryException"/> could otherwise go on, having learnt how much heap the worker had left.
    /// Does nothing on a thread whose meter is not armed. Called by the worker as the exception is thrown; allocates nothing.
    /// </summary>
    public static void RanOutOfMemory()
    {
        if (fuelLimit == 0)
        {
            return;
        }
        fuelLeft = -1;
        if (trip == MeterTrip.None)
        {
            trip = MeterTrip.Memory;
        }
    }

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
