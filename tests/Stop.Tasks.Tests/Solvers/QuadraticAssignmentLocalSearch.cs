namespace Stop.Tasks.Tests.Solvers;

/// <summary>Best of several random permutations, each improved by pairwise swaps until no swap lowers the objective.</summary>
internal static class QuadraticAssignmentLocalSearch
{
    public static int[] Solve(double[][] f, double[][] d, double[][] p, int seed, int starts = 20)
    {
        var random = new Random(seed);
        var n = f.Length;
        int[] best = [];
        var bestObjective = double.PositiveInfinity;
        for (var start = 0; start < starts; start++)
        {
            var assignment = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            var objective = Objective(f, d, p, assignment);
            bool improved;
            do
            {
                improved = false;
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        (assignment[i], assignment[j]) = (assignment[j], assignment[i]);
                        var candidate = Objective(f, d, p, assignment);
                        if (candidate < objective - 1e-12)
                        {
                            objective = candidate;
                            improved = true;
                        }
                        else
                        {
                            (assignment[i], assignment[j]) = (assignment[j], assignment[i]);
                        }
                    }
                }
            }
            while (improved);

            if (objective < bestObjective)
            {
                (best, bestObjective) = ((int[])assignment.Clone(), objective);
            }
        }
        return best;
    }

    public static double Objective(double[][] f, double[][] d, double[][] p, int[] assignment)
    {
        var n = f.Length;
        var objective = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                objective += f[i][j] * d[assignment[i]][assignment[j]];
            }
            objective -= 0.5 * p[i][assignment[i]];
        }
        return objective;
    }
}
