namespace Stop.Models.Cassette;

/// <summary>The request made at a position is not the one recorded there.</summary>
public sealed class ReplayDivergenceException(string position, IReadOnlyList<string> differences)
    : Exception($"The run diverged from its cassette at position {position}: {string.Join("; ", differences)}.")
{
    public string Position { get; } = position;

    public IReadOnlyList<string> Differences { get; } = differences;
}
