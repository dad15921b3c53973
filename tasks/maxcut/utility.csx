double Utility(string algorithmStr)
{
    // Implements the Max-Cut utility function. Returns the average cut weight.
    // If the algorithm requires more than 100 milliseconds to run per test, it is a failure.

    var nTests = 3;
    var averageCutWeight = 0.0;
    var random = new Random();

    Func<double[][], int[]> algorithm;
    try
    {
        algorithm = Compile<Func<double[][], int[]>>(algorithmStr, "Algorithm");
    }
    catch
    {
        return 0;
    }

    for (var testIdx = 0; testIdx < nTests; testIdx++)
    {
        var nNodes = 300;
        var pEdge = 0.4;
        var maxWeight = 10;

        // Generate random adjacency matrix
        var adjacencyMatrix = Enumerable.Range(0, nNodes).Select(_ => new double[nNodes]).ToArray();
        for (var i = 0; i < nNodes; i++)
        {
            for (var j = i + 1; j < nNodes; j++)
            {
                if (random.NextDouble() < pEdge)
                {
                    double weight = random.Next(1, maxWeight + 1);
                    adjacencyMatrix[i][j] = weight;
                    adjacencyMatrix[j][i] = weight;
                }
            }
        }

        // Run the algorithm to find the partition
        double cutWeight = 0;
        try
        {
            var partition = algorithm(adjacencyMatrix);
            // Make sure there are exactly two partitions
            if (partition.Distinct().Count() != 2)
            {
                return 0;
            }
            if (partition.Length != nNodes)
            {
                return 0;
            }
            for (var i = 0; i < nNodes; i++)
            {
                for (var j = i + 1; j < nNodes; j++)
                {
                    if (partition[i] != partition[j])
                    {
                        cutWeight += adjacencyMatrix[i][j];
                    }
                }
            }
        }
        catch (Exception e)
        {
            Console.WriteLine($"Exception: {e.Message}");
            cutWeight = 0;
        }

        averageCutWeight += cutWeight / nTests / maxWeight;
    }

    return averageCutWeight;
}
