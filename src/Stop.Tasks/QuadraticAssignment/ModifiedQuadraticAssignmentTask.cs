using Stop.Tasks.Generation;

namespace Stop.Tasks.QuadraticAssignment;

/// <summary>
/// STOP's modified quadratic assignment transfer task: 10 problems of size 15 per split. STOP averages
/// the raw objective (plus wall-clock seconds) ÷ 225 and calls it "higher is better" while its seed
/// minimises; Stop scores (upper bound − objective) ÷ (upper bound − lower bound), in [0, 1], higher better.
/// </summary>
public sealed class ModifiedQuadraticAssignmentTask : DownstreamTask
{
    /// <summary>STOP's hidden per-instance limit: <c>result(timeout=0.5)</c>.</summary>
    public const long StopMillisecondsPerInstance = 500;

    /// <summary>STOP's <c>eps</c>: the floor of its final average, and what a non-compiling candidate gets.</summary>
    public const double Eps = 1e-2;

    public override string Name => "modified_quadratic_assignment";

    public override string Signature => "int[] Algorithm(double[][] F, double[][] D, double[][] P)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(double[][]), typeof(double[][]), typeof(double[][])];

    public override Type ReturnType => typeof(int[]);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    public override double FailureFloor => Eps;

    /// <summary>STOP's MQAP scorer: <c>except Exception: average_objective += 0.0</c>, and on to the next instance.</summary>
    public override FailedInstance OnException => FailedInstance.ScoresZero;

    /// <summary>STOP's MQAP scorer: a result past its 0.5 s timeout raises, and is caught as any exception is.</summary>
    public override FailedInstance OnTimeout => FailedInstance.ScoresZero;

    public override int InstanceCount(Split split) => 10;

    protected override (object?[] Arguments, object Hidden) Generate(SplitMix64 rng)
    {
        var problem = QuadraticAssignmentProblem.Generate(rng);
        return ([problem.F, problem.D, problem.P], problem);
    }

    /// <summary>Where the objective lies between the instance's bounds, flipped so lower objectives score higher; 0 unless the output is a permutation of 0..14.</summary>
    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var problem = (QuadraticAssignmentProblem)instance.Hidden;
        if (DescribeMalformed(instance, output) is not null)
        {
            return 0;
        }
        var assignment = (int[])output!;
        var score = (problem.UpperBound - problem.Objective(assignment)) / (problem.UpperBound - problem.LowerBound);
        return Math.Clamp(score, 0, 1);
    }

    public override string? DescribeMalformed(TaskInstance instance, object? output) => output switch
    {
        not int[] => "the output is not an int[]",
        int[] assignment when !IsPermutation(assignment) => $"the output is not a permutation of 0..{QuadraticAssignmentProblem.Size - 1}",
        _ => null,
    };

    /// <summary>STOP's MQAP scorer returns <c>max(average / scale, eps)</c>.</summary>
    public override double FinalScore(double meanInstanceScore) => Math.Max(meanInstanceScore, FailureFloor);

    private static bool IsPermutation(int[] assignment)
    {
        if (assignment.Length != QuadraticAssignmentProblem.Size)
        {
            return false;
        }
        var seen = new bool[assignment.Length];
        foreach (var location in assignment)
        {
            if ((uint)location >= (uint)seen.Length || seen[location])
            {
                return false;
            }
            seen[location] = true;
        }
        return true;
    }
}
