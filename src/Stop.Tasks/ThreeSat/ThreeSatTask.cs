using Stop.Tasks.Generation;

namespace Stop.Tasks.ThreeSat;

/// <summary>
/// STOP's random 3-SAT transfer task: 30 planted formulas per split with 5–50 variables and 4n clauses.
/// An instance scores 1 when the assignment satisfies the formula, STOP's eps (0.01) when it is a
/// well-formed assignment that does not, and 0 when it is malformed (null or not of length n + 1).
/// </summary>
public sealed class ThreeSatTask : DownstreamTask
{
    /// <summary>STOP's hidden per-instance limit: <c>timeout = 0.1</c> seconds (its docstring says 10 ms; the visible utility uses 10 ms).</summary>
    public const long StopMillisecondsPerInstance = 100;

    /// <summary>STOP's <c>eps</c> for this task: a wrong assignment, a timeout or a raising candidate.</summary>
    public const double Eps = 1e-2;

    public override string Name => "three_sat";

    public override string Signature => "bool[] Algorithm(int[][] formula)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int[][])];

    public override Type ReturnType => typeof(bool[]);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    public override double FailureFloor => Eps;

    /// <summary>
    /// STOP's 3-SAT scorer: <c>except Exception as e: if not isinstance(e, TimeoutError): return eps</c>, so a timeout
    /// adds nothing for its instance and the loop goes on (the code's reading on Python 3.11 and later, where a future's
    /// timeout is a <c>TimeoutError</c>); an exception still ends the candidate at eps.
    /// </summary>
    public override FailedInstance OnTimeout => FailedInstance.ScoresZero;

    public override int InstanceCount(Split split) => 30;

    protected override (object?[] Arguments, object Hidden) Generate(SplitMix64 rng)
    {
        var formula = PlantedFormula.Generate(rng);
        return ([formula.Clauses], formula);
    }

    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var formula = (PlantedFormula)instance.Hidden;
        if (output is null)
        {
            return Eps;
        }
        if (DescribeMalformed(instance, output) is not null)
        {
            return 0;
        }
        return formula.IsSatisfiedBy((bool[])output) ? 1 : Eps;
    }

    /// <summary>A null assignment is STOP's seed giving up (it returns None), scored as unsolved, not as malformed.</summary>
    public override string? DescribeMalformed(TaskInstance instance, object? output)
    {
        var variables = ((PlantedFormula)instance.Hidden).VariableCount;
        return output switch
        {
            null => null,
            not bool[] => "the output is not a bool[]",
            bool[] a when a.Length != variables + 1 => $"an assignment of length {a.Length}, not n + 1 = {variables + 1}",
            _ => null,
        };
    }

    /// <summary>STOP's 3-SAT scorer returns <c>max(solved / n, eps)</c>.</summary>
    public override double FinalScore(double meanInstanceScore) => Math.Max(meanInstanceScore, FailureFloor);
}
