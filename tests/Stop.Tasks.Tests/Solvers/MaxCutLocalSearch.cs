namespace Stop.Tasks.Tests.Solvers;

/// <summary>Best of several random starts, each improved by single-node moves until no move increases the cut.</summary>
internal static class MaxCutLocalSearch
{
    public static int[] Solve(double[][] adjacency, int seed, int starts = 8)
    {
        var random = new Random(seed);
        var n = adjacency.Length;
        int[] best = [];
        var bestCut = double.NegativeInfinity;
        for (var start = 0; start < starts; start++)
        {
            var side = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
            bool improved;
            do
            {
                improved = false;
                for (var v = 0; v < n; v++)
                {
                    var gain = 0.0;
                    for (var u = 0; u < n; u++)
                    {
                        gain += side[u] == side[v] ? adjacency[v][u] : -adjacency[v][u];
                    }
                    if (gain > 0)
                    {
                        side[v] ^= 1;
                        improved = true;
                    }
                }
            }
            while (improved);

            var cut = Cut(adjacency, side);
            if (cut > bestCut)
            {
                (best, bestCut) = (side, cut);
            }
        }
        return best;
    }

    public static double Cut(double[][] adjacency, int[] side)
    {
        var cut = 0.0;
        for (var i = 0; i < side.Length; i++)
        {
            for (var j = i + 1; j < side.Length; j++)
            {
                cut += side[i] != side[j] ? adjacency[i][j] : 0;
            }
        }
        return cut;
    }
}
