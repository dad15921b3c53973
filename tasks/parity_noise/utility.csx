using System.Diagnostics;

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
        var stopwatch = Stopwatch.StartNew();
        var nBits = 10;
        var pTrue = 0.3;
        var nTrainSamples = 100;
        var nTestSamples = 20;
        var noiseLevel = 0.05;
        var trueBits = Enumerable.Range(0, nBits).Select(_ => random.NextDouble() < pTrue ? 1 : 0).ToArray();

        var samples = Enumerable.Range(0, nTrainSamples + nTestSamples)
            .Select(_ => Enumerable.Range(0, nBits).Select(_ => random.NextDouble() < 0.5 ? 1 : 0).ToArray())
            .ToArray();
        var parity = samples.Select(sample => sample.Zip(trueBits, (bit, mask) => bit * mask).Sum() % 2).ToArray();
        var trainSamples = samples[..nTrainSamples];
        var trainParity = parity[..nTrainSamples];
        var parityNoise = Enumerable.Range(0, nTrainSamples).Select(_ => random.NextDouble() < noiseLevel ? 1 : 0).ToArray();
        trainParity = trainParity.Zip(parityNoise, (label, noise) => (label + noise) % 2).ToArray();

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
        // Use no more than 100 milliseconds per test
        if (stopwatch.Elapsed.TotalSeconds > 0.1)
        {
            return 0;
        }
        averageCorrect += correct / nTests;
    }

    return averageCorrect;
}
