using Stop.Tasks.Generation;

namespace Stop.Tasks;

/// <summary>
/// One generated instance of a downstream task. <see cref="Arguments"/> are handed to the candidate's
/// <c>Algorithm</c>; <see cref="Hidden"/> is what the scorer keeps for itself (never shared with the
/// candidate, so a candidate that mutates its inputs cannot change its own score).
/// </summary>
public sealed record TaskInstance(Split Split, int Index, object?[] Arguments, int RandomSeed, object Hidden)
{
    /// <summary>
    /// The same instance with its own deep copy of the arguments. An instance generated once and kept can be handed to
    /// candidate after candidate this way: what one candidate does to its inputs never reaches the next.
    /// </summary>
    public TaskInstance WithFreshArguments() => this with { Arguments = [.. Arguments.Select(Copy.Deep)] };
}
