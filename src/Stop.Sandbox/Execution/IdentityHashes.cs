using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stop.Sandbox.Execution;

/// <summary>
/// Makes the identity hash codes of the objects a call of candidate code creates the same in every worker. CoreCLR
/// gives an object whose type does not override <c>GetHashCode</c> the next value of its thread's own generator, a
/// linear congruential sequence kept in the runtime's native thread object, and on the worker's long-lived candidate
/// thread that sequence runs on from job to job. The policy keeps candidates from seeing such hash codes, but hash
/// collections still compare keys whose hash codes collide, and when a key's <c>Equals</c> is candidate code each
/// comparison costs fuel. So before every metered call the worker sets the generator to a fixed state.
/// <para>
/// The generator has no managed name. <see cref="Fix"/> finds it once, on the candidate thread: it draws hash codes
/// and keeps the one 4-byte slot near the start of the native thread object that steps exactly as the runtime's
/// generator does (next = state × (4 × thread id + 5) + 1; hash = next &gt;&gt; 6), then checks that setting the slot
/// sets the next hash code. Should a release move or change the generator, the worker fails at start, and every test
/// that scores anything says so. Objects older than the call (the framework's shared instances) keep the hash codes
/// they had.
/// </para>
/// </summary>
internal static class IdentityHashes
{
    /// <summary>Arbitrary, and fixed: changing it changes the fuel of candidates whose Equals hash collections call.</summary>
    private const uint State = 0x5354_4F50;

    /// <summary>How far into the native thread object to look; .NET 10 keeps the generator 60 bytes in.</summary>
    private const int SearchBytes = 512;

    private const int HashBits = 26;

    [ThreadStatic]
    private static nint slot;

    /// <summary>
    /// The managed id of the thread candidates run on, the same in every worker: the generator's multiplier is made from
    /// it, so another id would give another sequence.
    /// </summary>
    public const int CandidateThreadId = 3;

    /// <summary>Finds the current thread's generator and fixes it; afterwards <see cref="Reset"/> works on this thread.</summary>
    public static void Fix()
    {
        if (Environment.CurrentManagedThreadId != CandidateThreadId)
        {
            throw new InvalidOperationException(
                $"The candidate thread is managed thread {Environment.CurrentManagedThreadId}, not {CandidateThreadId}: its identity hash codes would differ from other workers'. Something started a thread in the worker before it.");
        }
        var thread = NativeThread(Thread.CurrentThread);
        var multiplier = (uint)(Environment.CurrentManagedThreadId * 4 + 5);
        var first = Draw();
        var candidates = Enumerable.Range(0, SearchBytes / 4).Select(i => thread + i * 4).Where(at => Read(at) >> (32 - HashBits) == first).ToList();
        for (var step = 0; step < 4 && candidates.Count > 0; step++)
        {
            var before = candidates.ToDictionary(at => at, Read);
            var hash = Draw();
            candidates.RemoveAll(at => Read(at) != unchecked(before[at] * multiplier + 1) || Read(at) >> (32 - HashBits) != hash);
        }
        if (candidates.Count != 1)
        {
            throw new InvalidOperationException($"Found {candidates.Count} places that step as the runtime's identity hash generator, not one.");
        }
        slot = candidates[0];
        Reset();
        var expected = unchecked(State * multiplier + 1) >> (32 - HashBits);
        if (expected != 0 && Draw() != expected)
        {
            slot = 0;
            throw new InvalidOperationException("Setting the identity hash generator did not set the next identity hash code.");
        }
        Reset();
    }

    /// <summary>Sets this thread's generator to the fixed state; does nothing on a thread <see cref="Fix"/> has not seen.</summary>
    public static void Reset()
    {
        if (slot != 0)
        {
            Marshal.WriteInt32(slot, unchecked((int)State));
        }
    }

    private static uint Draw() => (uint)RuntimeHelpers.GetHashCode(new object());

    private static uint Read(nint at) => unchecked((uint)Marshal.ReadInt32(at));

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_DONT_USE_InternalThread")]
    private static extern ref nint NativeThread(Thread thread);
}
