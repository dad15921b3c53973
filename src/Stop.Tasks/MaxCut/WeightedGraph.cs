using Stop.Tasks.Generation;

namespace Stop.Tasks.MaxCut;

/// <summary>
/// A random weighted graph as STOP's Max-Cut scorer draws it: 50–200 nodes, each pair joined with
/// probability 0.4 by an edge of integer weight 1–10, stored as a symmetric adjacency matrix.
/// </summary>
internal sealed record WeightedGraph(double[][] Adjacency, double TotalWeight)
{
    public const int MinNodes = 50;
    public const int MaxNodes = 200;
    public const double EdgeProbability = 0.4;
    public const int MaxWeight = 10;

    public static WeightedGraph Generate(SplitMix64 rng)
    {
        var n = rng.NextInt(MinNodes, MaxNodes);
        var adjacency = new double[n][];
        for (var i = 0; i < n; i++)
        {
            adjacency[i] = new double[n];
        }

        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < EdgeProbability)
                {
                    double weight = rng.NextInt(1, MaxWeight);
                    adjacency[i][j] = weight;
                    adjacency[j][i] = weight;
                    total += weight;
                }
            }
        }
        return new WeightedGraph(adjacency, total);
    }

    /// <summary>The total weight of edges whose ends carry different labels.</summary>
    public double CutWeight(int[] labels)
    {
        var cut = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = i + 1; j < labels.Length; j++)
            {
                if (labels[i] != labels[j])
                {
                    cut += Adjacency[i][j];
                }
            }
        }
        return cut;
    }
}
