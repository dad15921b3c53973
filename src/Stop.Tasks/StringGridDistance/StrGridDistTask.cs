using Stop.Tasks.Generation;

namespace Stop.Tasks.StringGridDistance;

/// <summary>
/// STOP's string grid distance transfer task: given t over "AB" and a distance, return s of the same
/// length with grid_dist(s, t) equal to it; 50 problems per split. An exact hit scores 1, a miss
/// 0.5 − |d − dist| / (6·len(t)) (always in (0, 0.5]), a malformed string 0.
/// </summary>
public sealed class StrGridDistTask : DownstreamTask
{
    /// <summary>STOP's hidden per-instance limit: <c>score_test(..., max_time=0.1)</c> (the pool's 1 s is looser).</summary>
    public const long StopMillisecondsPerInstance = 100;

    public override string Name => "str_grid_dist";

    public override string Signature => "string Algorithm(string t, int dist)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(string), typeof(int)];

    public override Type ReturnType => typeof(string);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    /// <summary>STOP's scorer scores a raising or slow instance 0 and a non-compiling candidate 0.</summary>
    public override double FailureFloor => 0;

    /// <summary>STOP's scorer: <c>score_test</c> returns 0 for a raising instance, and the loop goes on.</summary>
    public override FailedInstance OnException => FailedInstance.ScoresZero;

    /// <summary>STOP's scorer: an instance past its time limit scores 0, and the loop goes on.</summary>
    public override FailedInstance OnTimeout => FailedInstance.ScoresZero;

    public override int InstanceCount(Split split) => 50;

    protected override (object?[] Arguments, object Hidden) Generate(SplitMix64 rng)
    {
        var problem = GridDistanceProblem.Generate(rng);
        return ([problem.T, problem.Distance], problem);
    }

    public override string? DescribeMalformed(TaskInstance instance, object? output)
    {
        var length = ((GridDistanceProblem)instance.Hidden).T.Length;
        return output switch
        {
            not string => "the output is not a string",
            string s when s.Length != length => $"a string of length {s.Length}, not {length}",
            string s when s.Any(c => c is not ('A' or 'B')) => "a character outside the alphabet AB",
            _ => null,
        };
    }

    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var problem = (GridDistanceProblem)instance.Hidden;
        if (DescribeMalformed(instance, output) is not null)
        {
            return 0;
        }
        var s = (string)output!;
        var distance = GridDistanceProblem.GridDistance(s, problem.T);
        return distance == problem.Distance ? 1 : 0.5 - (double)Math.Abs(distance - problem.Distance) / (6 * problem.T.Length);
    }
}
