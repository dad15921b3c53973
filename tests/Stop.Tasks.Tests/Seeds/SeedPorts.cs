namespace Stop.Tasks.Tests.Seeds;

/// <summary>
/// Each task's seed.csx, line for line, as a C# method. The only change: the <see cref="Random"/> the
/// sandbox would seed per instance is passed in, seeded with <see cref="TaskInstance.RandomSeed"/>.
/// Keep these in step with tasks/NAME/seed.csx.
/// </summary>
internal static class SeedPorts
{
    public static int[] Parity(Random random, int[][] trainSamples, int[] trainParity, int[][] testSamples)
    {
        var predictions = new int[testSamples.Length];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = random.NextDouble() < 0.5 ? 1 : 0;
        }
        return predictions;
    }

    public static bool[]? ThreeSat(Random random, int[][] formula, int maxIter = 1000, double p = 0.4)
    {
        var n = formula.SelectMany(clause => clause).Max(lit => Math.Abs(lit));
        var assignments = new bool[n + 1];

        for (var iteration = 0; iteration < maxIter; iteration++)
        {
            var unsatisfiedClauses = formula.Where(clause => !clause.Any(lit => assignments[Math.Abs(lit)] == (lit > 0))).ToList();
            if (unsatisfiedClauses.Count == 0)
            {
                return assignments;
            }

            var clauseToFlip = unsatisfiedClauses[random.Next(unsatisfiedClauses.Count)];
            int litToFlip;
            if (random.NextDouble() < p)
            {
                litToFlip = clauseToFlip[random.Next(clauseToFlip.Length)];
            }
            else
            {
                litToFlip = clauseToFlip.MinBy(lit => formula.Where(clause => clause.Contains(lit)).Count(clause => assignments[Math.Abs(lit)] == (lit > 0)));
            }

            assignments[Math.Abs(litToFlip)] = !assignments[Math.Abs(litToFlip)];
        }

        return null;
    }

    /// <summary>The greedy seed; <paramref name="backEdges"/> counts its loop iterations, a lower bound on the fuel it burns.</summary>
    public static int[] MaxCut(double[][] adjacencyMatrix, out long backEdges)
    {
        backEdges = 0;
        var nNodes = adjacencyMatrix.Length;
        var partition = Enumerable.Repeat(-1, nNodes).ToArray();
        var unpartitionedNodes = new SortedSet<int>(Enumerable.Range(0, nNodes));

        while (unpartitionedNodes.Count > 0)
        {
            backEdges++;
            double maxCutWeight = -1;
            var maxCutNode = -1;
            var maxCutPartition = -1;

            foreach (var node in unpartitionedNodes)
            {
                backEdges++;
                foreach (var partitionId in new[] { 0, 1 })
                {
                    backEdges++;
                    double cutWeight = 0;
                    for (var neighbor = 0; neighbor < nNodes; neighbor++)
                    {
                        backEdges++;
                        if (partition[neighbor] == 1 - partitionId)
                        {
                            cutWeight += adjacencyMatrix[node][neighbor];
                        }
                    }

                    if (cutWeight > maxCutWeight)
                    {
                        maxCutWeight = cutWeight;
                        maxCutNode = node;
                        maxCutPartition = partitionId;
                    }
                }
            }

            partition[maxCutNode] = maxCutPartition;
            unpartitionedNodes.Remove(maxCutNode);
        }

        return partition;
    }

    public static int[] ModifiedQuadraticAssignment(Random random, double[][] F, double[][] D, double[][] P)
    {
        var n = F.Length;
        var lambdaValue = 0.5;
        var maxIterations = 1000;
        var temperature = 1.0;
        var coolingRate = 0.99;

        double MqapObjective(int[] assignment)
        {
            double objective = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    objective += F[i][j] * D[assignment[i]][assignment[j]];
                }
            }
            for (var i = 0; i < n; i++)
            {
                objective -= lambdaValue * P[i][assignment[i]];
            }
            return objective;
        }

        void SwapRandom(int[] assignment)
        {
            int i = random.Next(0, n), j = random.Next(0, n);
            while (i == j)
            {
                j = random.Next(0, n);
            }
            (assignment[i], assignment[j]) = (assignment[j], assignment[i]);
        }

        var assignment = Enumerable.Range(0, n).ToArray();
        var bestAssignment = (int[])assignment.Clone();
        var bestObjective = MqapObjective(assignment);

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            temperature *= coolingRate;
            if (temperature == 0)
            {
                break;
            }

            var newAssignment = (int[])assignment.Clone();
            SwapRandom(newAssignment);
            var newObjective = MqapObjective(newAssignment);
            var deltaObjective = newObjective - MqapObjective(assignment);

            if (deltaObjective < 0 || random.NextDouble() < Math.Exp(-deltaObjective / temperature))
            {
                assignment = newAssignment;

                if (newObjective < bestObjective)
                {
                    bestAssignment = (int[])assignment.Clone();
                    bestObjective = newObjective;
                }
            }
        }

        return bestAssignment;
    }

    public static string StrGridDist(string t, int dist) => t;
}
