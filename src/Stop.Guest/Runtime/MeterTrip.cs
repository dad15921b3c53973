namespace Stop.Guest.Runtime;

/// <summary>Which counted limit, if any, stopped a candidate.</summary>
public enum MeterTrip
{
    None,
    Fuel,
    Depth,
}
