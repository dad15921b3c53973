double Utility(string algorithmStr)
{
    // Implements the parity learning task. Returns the number of correct predictions.

    var nTests = 3;
    var averageCorrect = 0.0;
    var random = new Random();

    Func<int[][], int[], int[][], int[]> algorithm;
    try
    {
        algorithm = Compile<Func<int[][], int[], int[][], int[]>>(algorithmStr, "Algorithm");
    }
    catch
    {
        return 0;
    }

    for (var test = 0; test < nTests; test++)
    {
        var nBits = 10;
        var pTrue = 0.3;
        var nTrainSamples = 80;
        var nTestSamples = 20;
        var trueBits = Enumerable.Range(0, nBits).Select(_ => random.NextDouble() < pTrue ? 1 : 0).ToArray();

        var samples = Enumerable.Range(0, nTrainSamples + nTestSamples)
            .Select(_ => Enumerable.Range(0, nBits).Select(_ => random.NextDouble() < 0.5 ? 1 : 0).ToArray())
            .ToArray();
        var parity = samples.Select(sample => sample.Zip(trueBits, (bit, mask) => bit * mask).Sum() % 2).ToArray();
        var trainSamples = samples[..nTrainSamples];
        var trainParity = parity[..nTrainSamples];

        var testSamples = samples[nTrainSamples..];
        var testParity = parity[nTrainSamples..];

        // Because algorithm is a string, we can't call it directly. Instead, we compile it and call its Algorithm.
        double correct;
        try
        {
            var predictions = algorithm(trainSamples, trainParity, testSamples);
            correct = (double)predictions.Zip(testParity, (prediction, label) => prediction == label ? 1 : 0).Sum() / nTestSamples;
        }
        catch
        {
            correct = 0;
        }
        averageCorrect += correct / nTests;
    }

    return averageCorrect;
}
