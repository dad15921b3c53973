namespace Stop.Tasks.Tests.Solvers;

/// <summary>Reference parity learners: exact elimination for clean labels, best subset for noisy ones.</summary>
internal static class ParitySolvers
{
    /// <summary>Solves the training system over GF(2) by Gaussian elimination (free bits set to 0) and applies the subset found.</summary>
    public static int[] GaussianElimination(int[][] trainSamples, int[] trainParity, int[][] testSamples)
    {
        var bits = trainSamples[0].Length;
        var rows = trainSamples.Select((sample, r) => sample.Append(trainParity[r]).ToArray()).ToArray();
        var pivotColumns = new List<int>();
        var rank = 0;
        for (var column = 0; column < bits && rank < rows.Length; column++)
        {
            var pivot = Array.FindIndex(rows, rank, row => row[column] == 1);
            if (pivot < 0)
            {
                continue;
            }
            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (var r = 0; r < rows.Length; r++)
            {
                if (r != rank && rows[r][column] == 1)
                {
                    for (var c = 0; c <= bits; c++)
                    {
                        rows[r][c] ^= rows[rank][c];
                    }
                }
            }
            pivotColumns.Add(column);
            rank++;
        }

        var subset = new int[bits];
        for (var r = 0; r < pivotColumns.Count; r++)
        {
            subset[pivotColumns[r]] = rows[r][bits];
        }
        return Apply(subset, testSamples);
    }

    /// <summary>Tries all 2^bits subsets and keeps the one that disagrees with the fewest training labels.</summary>
    public static int[] BestSubset(int[][] trainSamples, int[] trainParity, int[][] testSamples)
    {
        var bits = trainSamples[0].Length;
        var best = 0;
        var fewestErrors = int.MaxValue;
        for (var mask = 0; mask < 1 << bits; mask++)
        {
            var subset = Enumerable.Range(0, bits).Select(b => (mask >> b) & 1).ToArray();
            var errors = Apply(subset, trainSamples).Zip(trainParity).Count(pair => pair.First != pair.Second);
            if (errors < fewestErrors)
            {
                (best, fewestErrors) = (mask, errors);
            }
        }
        return Apply([.. Enumerable.Range(0, bits).Select(b => (best >> b) & 1)], testSamples);
    }

    private static int[] Apply(int[] subset, int[][] samples) =>
        [.. samples.Select(sample => sample.Zip(subset, (bit, mask) => bit & mask).Aggregate(0, (x, y) => x ^ y))];
}
