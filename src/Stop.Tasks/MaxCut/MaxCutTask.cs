using Stop.Tasks.Generation;

namespace Stop.Tasks.MaxCut;

/// <summary>
/// STOP's Max-Cut transfer task: 100 random graphs per split. STOP scores the raw cut weight divided by 10;
/// Stop scores the fraction of the graph's total edge weight that the cut crosses, in [0, 1].
/// </summary>
public sealed class MaxCutTask : DownstreamTask
{
    /// <summary>STOP's hidden per-instance limit: <c>result(timeout=0.1)</c>.</summary>
    public const long StopMillisecondsPerInstance = 100;

    /// <summary>STOP's <c>eps</c> for a raising or timed-out candidate.</summary>
    public const double Eps = 1e-2;

    public override string Name => "maxcut";

    public override string Signature => "int[] Algorithm(double[][] adjacency)";

    public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(double[][])];

    public override Type ReturnType => typeof(int[]);

    public override long FuelPerInstance => FuelCalibration.ForStopMilliseconds(StopMillisecondsPerInstance);

    public override double FailureFloor => Eps;

    public override int InstanceCount(Split split) => 100;

    protected override (object?[] Arguments, object Hidden) Generate(SplitMix64 rng)
    {
        var graph = WeightedGraph.Generate(rng);
        return ([graph.Adjacency], graph);
    }

    /// <summary>Cut weight ÷ total edge weight; 0 unless the output labels every node with one of exactly two distinct values.</summary>
    public override double ScoreInstance(TaskInstance instance, object? output)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var graph = (WeightedGraph)instance.Hidden;
        if (DescribeMalformed(instance, output) is not null)
        {
            return 0;
        }
        return graph.TotalWeight > 0 ? Math.Clamp(graph.CutWeight((int[])output!) / graph.TotalWeight, 0, 1) : 0;
    }

    public override string? DescribeMalformed(TaskInstance instance, object? output)
    {
        var nodes = ((WeightedGraph)instance.Hidden).Adjacency.Length;
        return output switch
        {
            not int[] => "the output is not an int[]",
            int[] labels when labels.Length != nodes => $"{labels.Length} labels for {nodes} nodes",
            int[] labels when labels.Distinct().Take(3).Count() != 2 => "the labels are not exactly two distinct values",
            _ => null,
        };
    }

    /// <summary>STOP's maxcut scorer returns <c>max(average, eps)</c>.</summary>
    public override double FinalScore(double meanInstanceScore) => Math.Max(meanInstanceScore, FailureFloor);
}
