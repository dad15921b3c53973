namespace Stop.Models.Cassette;

/// <summary>A replay was asked for a position the cassette has no record of.</summary>
public sealed class ReplayMissException(string position)
    : Exception($"The cassette has no record at position {position}; the replayed run asked for something the recorded run never did.")
{
    public string Position { get; } = position;
}
