namespace Stop.Guest.Runtime;

/// <summary>Which counted limit, if any, stopped a candidate.</summary>
public enum MeterTrip
{
    None,
    Fuel,
    Depth,

    /// <summary>The heap cap or the stack guard refused the candidate memory: not a counted limit, and stated as such.</summary>
    Memory,
}
