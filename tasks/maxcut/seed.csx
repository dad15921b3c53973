int[] Algorithm(double[][] adjacencyMatrix)
{
    var nNodes = adjacencyMatrix.Length;
    var partition = Enumerable.Repeat(-1, nNodes).ToArray();
    var unpartitionedNodes = new SortedSet<int>(Enumerable.Range(0, nNodes));

    while (unpartitionedNodes.Count > 0)
    {
        double maxCutWeight = -1;
        var maxCutNode = -1;
        var maxCutPartition = -1;

        foreach (var node in unpartitionedNodes)
        {
            foreach (var partitionId in new[] { 0, 1 })
            {
                double cutWeight = 0;
                for (var neighbor = 0; neighbor < nNodes; neighbor++)
                {
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
