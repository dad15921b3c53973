namespace Stop.Guest.Runtime;

/// <summary>Thrown into a candidate whose fuel or call depth ran out.</summary>
public sealed class FuelExhaustedException : Exception
{
    public FuelExhaustedException()
        : base("The candidate ran out of fuel (its counted CPU or call-depth limit).")
    {
    }
}
