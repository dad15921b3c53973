using Stop.Tasks.Generation;

namespace Stop.Tasks.Parity;

/// <summary>
/// One learning-parity-with-noise problem as STOP's parity scorers draw it: a hidden subset of bits
/// (each bit in it with probability 0.3), uniformly random samples, and labels that are the parity of
/// the subset, with training labels flipped with probability <see cref="NoiseLevel"/>.
/// </summary>
internal sealed record ParityProblem(int[] TrueBits, int[][] TrainSamples, int[] TrainParity, int[][] TestSamples, int[] TestParity, double NoiseLevel)
{
    public const int Bits = 10;
    public const double PTrue = 0.3;
    public const int TrainSamplesCount = 100;
    public const int TestSamplesCount = 20;

    /// <summary>Draws in STOP's order: true bits, all samples (train then test), then the training noise.</summary>
    public static ParityProblem Generate(SplitMix64 rng, double noiseLevel)
    {
        var trueBits = new int[Bits];
        for (var b = 0; b < Bits; b++)
        {
            trueBits[b] = rng.NextBernoulli(PTrue) ? 1 : 0;
        }

        var samples = new int[TrainSamplesCount + TestSamplesCount][];
        var parity = new int[samples.Length];
        for (var s = 0; s < samples.Length; s++)
        {
            samples[s] = new int[Bits];
            for (var b = 0; b < Bits; b++)
            {
                samples[s][b] = rng.NextBernoulli(0.5) ? 1 : 0;
                parity[s] ^= samples[s][b] & trueBits[b];
            }
        }

        var trainParity = parity[..TrainSamplesCount];
        if (noiseLevel > 0)
        {
            for (var s = 0; s < TrainSamplesCount; s++)
            {
                trainParity[s] ^= rng.NextBernoulli(noiseLevel) ? 1 : 0;
            }
        }

        return new ParityProblem(trueBits, samples[..TrainSamplesCount], trainParity, samples[TrainSamplesCount..], parity[TrainSamplesCount..], noiseLevel);
    }

    /// <summary>Why an output is not a prediction per test sample, each 0 or 1; null when it is one.</summary>
    public static string? DescribeMalformed(int[] testParity, object? output) => output switch
    {
        not int[] => "the output is not an int[]",
        int[] p when p.Length != testParity.Length => $"{p.Length} predictions for {testParity.Length} test samples",
        int[] p when p.Any(x => x is not (0 or 1)) => "a prediction is neither 0 nor 1",
        _ => null,
    };

    /// <summary>The fraction of test labels predicted; 0 unless the output is an <c>int[]</c> of 0/1 of the right length.</summary>
    public static double Score(int[] testParity, object? output)
    {
        if (DescribeMalformed(testParity, output) is not null)
        {
            return 0;
        }
        var predictions = (int[])output!;
        var correct = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            correct += predictions[i] == testParity[i] ? 1 : 0;
        }
        return (double)correct / testParity.Length;
    }
}
