int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var random = new Random();
    var predictions = new int[testSamples.Length];
    for (var i = 0; i < predictions.Length; i++)
    {
        predictions[i] = random.NextDouble() < 0.5 ? 1 : 0;
    }
    return predictions;
}
