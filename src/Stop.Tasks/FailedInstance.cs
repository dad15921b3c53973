namespace Stop.Tasks;

/// <summary>What an instance on which the solution fails (it throws, or runs out of fuel or depth) does to the candidate.</summary>
public enum FailedInstance
{
    /// <summary>The candidate ends there at the task's failure floor, the rest unrun (STOP's parity_noise: <c>return eps</c>).</summary>
    EndsCandidate,

    /// <summary>The instance scores 0 and the next one runs (STOP's str_grid_dist: <c>scores.append(0.0)</c>).</summary>
    ScoresZero,
}
