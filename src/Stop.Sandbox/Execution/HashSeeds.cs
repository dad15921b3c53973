using System.Runtime.CompilerServices;

namespace Stop.Sandbox.Execution;

/// <summary>
/// Fixes the seeds .NET draws at random once per process for string hash codes (Marvin) and for <see cref="HashCode"/>,
/// so that a candidate computing with hash values gets the same values in every worker, on every machine, in every
/// replay. Done first thing in a worker, before any candidate runs. The fields are the runtime's own, reached by name:
/// should a release rename them, the worker fails at start and every test that scores anything says so.
/// </summary>
internal static class HashSeeds
{
    /// <summary>Arbitrary, and fixed: changing them changes recorded outcomes of candidates that compute with hashes.</summary>
    private const ulong StringSeed = 0x5354_4F50_5345_4544;
    private const uint HashCodeSeed = 0x5354_4F50;

    public static void Fix()
    {
        Marvin(null) = StringSeed;
        HashCodeGlobal(default) = HashCodeSeed;
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "<DefaultSeed>k__BackingField")]
    private static extern ref ulong Marvin([UnsafeAccessorType("System.Marvin, System.Private.CoreLib")] object? type);

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "s_seed")]
    private static extern ref uint HashCodeGlobal(HashCode type);
}
