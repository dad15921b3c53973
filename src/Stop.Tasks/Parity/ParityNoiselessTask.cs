using Stop.Tasks.Generation;

namespace Stop.Tasks.Parity;

/// <summary>
/// STOP's noiseless parity transfer task: as <see cref="ParityNoiseTask"/> without label noise; 20
/// instances in both splits. STOP's scorer has no time limit and scores a raising instance 0.
/// </summary>
public sealed class ParityNoiselessTask : DownstreamTask
{
    /// <summary>
    /// STOP's scorer sets no limit; this borrows <see cref="ParityNoiseTask"/>'s 2 seconds, the limit of
    /// the same problem with noise, so a solution that transfers between the two has the same room in both.
    /// </summary>
    public const long StopMillisecondsPerInstance = ParityNoiseTask.StopMillisecondsPerInstance;

    public override string Name => "parity_noiseless";

    public override string Signature => "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int[][]), typeof(int[]), typeof(int[][])];

    public override Type ReturnType => typeof(int[]);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    /// <summary>STOP's noiseless scorer catches an exception per instance and scores it 0 (no eps).</summary>
    public override double FailureFloor => 0;

    public override int InstanceCount(Split split) => 20;

    public override TaskInstance CreateInstance(Split split, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, InstanceCount(split));
        var rng = StopSeeds.Generator(split, index);
        var problem = ParityProblem.Generate(rng, noiseLevel: 0);
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
