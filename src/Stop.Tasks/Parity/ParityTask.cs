using Stop.Tasks.Generation;

namespace Stop.Tasks.Parity;

/// <summary>
/// Learning parity, with or without label noise: 10 bits, subset density 0.3, 100 training samples and
/// 20 noise-free test samples per instance. Score: the fraction of test labels predicted.
/// </summary>
public abstract class ParityTask : DownstreamTask
{
    public override string Signature => "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int[][]), typeof(int[]), typeof(int[][])];

    public override Type ReturnType => typeof(int[]);

    /// <summary>Both of STOP's parity scorers check <c>uses &gt;= utility.budget</c>.</summary>
    public override bool LimitsUtilityUses => true;

    /// <summary>The probability that a training label is flipped.</summary>
    protected abstract double NoiseLevel { get; }

    protected override (object?[] Arguments, object Hidden) Generate(SplitMix64 rng)
    {
        var problem = ParityProblem.Generate(rng, NoiseLevel);
        return ([problem.TrainSamples, problem.TrainParity, problem.TestSamples], problem);
    }

    public override string? DescribeMalformed(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ParityProblem.DescribeMalformed(((ParityProblem)instance.Hidden).TestParity, output);
    }

    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ParityProblem.Score(((ParityProblem)instance.Hidden).TestParity, output);
    }
}
