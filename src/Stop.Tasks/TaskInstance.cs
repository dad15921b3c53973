namespace Stop.Tasks;

/// <summary>
/// One generated instance of a downstream task. <see cref="Arguments"/> are handed to the candidate's
/// <c>Algorithm</c>; <see cref="Hidden"/> is what the scorer keeps for itself (never shared with the
/// candidate, so a candidate that mutates its inputs cannot change its own score).
/// </summary>
public sealed record TaskInstance(Split Split, int Index, object?[] Arguments, int RandomSeed, object Hidden);
