namespace Stop.Sandbox;

/// <summary>
/// Which mechanism decided an outcome. Counted limits (fuel, depth) decide the same way on every machine;
/// the wall-clock backstop and the memory cap (the heap's, and the real stack's when it overflows) do not, so a
/// replay reports them apart from divergences.
/// </summary>
public enum DecidedBy
{
    Counted,
    WallClockBackstop,
    MemoryCap,
}
