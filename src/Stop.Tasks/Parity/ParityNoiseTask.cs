using Stop.Tasks.Generation;

namespace Stop.Tasks.Parity;

/// <summary>
/// STOP's main task, learning parity with noise: 10 bits, subset density 0.3, 100 training samples with
/// 5% label noise, 20 noise-free test samples; 20 val instances, 50 test. Score: fraction of test labels right.
/// </summary>
public sealed class ParityNoiseTask : DownstreamTask
{
    /// <summary>STOP's hidden per-instance limit: <c>timeout = 2</c> seconds.</summary>
    public const long StopMillisecondsPerInstance = 2_000;

    public override string Name => "parity_noise";

    public override string Signature => "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int[][]), typeof(int[]), typeof(int[][])];

    public override Type ReturnType => typeof(int[]);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    public override int InstanceCount(Split split) => split == Split.Test ? 50 : 20;

    public override TaskInstance CreateInstance(Split split, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, InstanceCount(split));
        var rng = StopSeeds.Generator(split, index);
        var problem = ParityProblem.Generate(rng, noiseLevel: 0.05);
        return new TaskInstance(split, index, problem.Arguments(), rng.NextRandomSeed(), problem);
    }

    public override string? DescribeMalformed(TaskInstance instance, object? output) =>
        ParityProblem.DescribeMalformed(((ParityProblem)instance.Hidden).TestParity, output);

    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ParityProblem.Score(((ParityProblem)instance.Hidden).TestParity, output);
    }
}
