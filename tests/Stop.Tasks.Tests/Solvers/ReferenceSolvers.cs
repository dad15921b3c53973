namespace Stop.Tasks.Tests.Solvers;

/// <summary>A strong solver per task, called on an instance's arguments as the sandbox would call <c>Algorithm</c>.</summary>
internal static class ReferenceSolvers
{
    public static Func<TaskInstance, object?> For(string taskName) => taskName switch
    {
        "parity_noise" => i => ParitySolvers.BestSubset((int[][])i.Arguments[0]!, (int[])i.Arguments[1]!, (int[][])i.Arguments[2]!),
        "parity_noiseless" => i => ParitySolvers.GaussianElimination((int[][])i.Arguments[0]!, (int[])i.Arguments[1]!, (int[][])i.Arguments[2]!),
        "three_sat" => i => WalkSat.Solve((int[][])i.Arguments[0]!, i.RandomSeed),
        "maxcut" => i => MaxCutLocalSearch.Solve((double[][])i.Arguments[0]!, i.RandomSeed),
        "modified_quadratic_assignment" => i => QuadraticAssignmentLocalSearch.Solve((double[][])i.Arguments[0]!, (double[][])i.Arguments[1]!, (double[][])i.Arguments[2]!, i.RandomSeed),
        "str_grid_dist" => i => GridDistanceSolver.Solve((string)i.Arguments[0]!, (int)i.Arguments[1]!),
        _ => throw new ArgumentException($"No reference solver for '{taskName}'.", nameof(taskName)),
    };
}
