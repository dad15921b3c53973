using Stop.Tasks.MaxCut;
using Stop.Tasks.Tests.Seeds;
using Stop.Tasks.Tests.Solvers;
using Stop.Tasks.Tests.Support;

namespace Stop.Tasks.Tests;

public sealed class MaxCutTests
{
    private static readonly MaxCutTask Task = new();

    [Fact]
    public void MaxCut_LocalSearch_CutsMoreThanHalfTheWeight_AndAtLeastWhatTheSeedCuts()
    {
        // A random cut crosses half the weight in expectation; on these graphs (50–200 nodes, density 0.4)
        // the best cuts cross about 0.6 of it (more on the smaller graphs). Local search reaches ~0.603 on val.
        var reference = Scoring.Scores(Task, Split.Val, ReferenceSolvers.For(Task.Name));
        var seed = Scoring.Scores(Task, Split.Val, i => SeedPorts.MaxCut((double[][])i.Arguments[0]!, out _));
        Assert.InRange(reference.Average(), 0.595, 0.65);
        Assert.True(reference.Average() >= seed.Average() - 0.002, $"reference {reference.Average()} vs seed {seed.Average()}");
    }

    [Fact]
    public void MaxCut_Seed_IsGreedy_BeatsARandomCut_AndFitsInItsFuel()
    {
        var random = new Random(7);
        var scores = Scoring.Scores(Task, Split.Val, i => SeedPorts.MaxCut((double[][])i.Arguments[0]!, out _));
        var randomCuts = Scoring.Scores(Task, Split.Val, i => Enumerable.Range(0, ((double[][])i.Arguments[0]!).Length).Select(_ => random.Next(2)).ToArray());
        Assert.InRange(scores.Average(), 0.58, 0.6);
        Assert.InRange(randomCuts.Average(), 0.48, 0.52);

        var largest = Enumerable.Range(0, Task.InstanceCount(Split.Val)).Select(i => Task.CreateInstance(Split.Val, i)).MaxBy(i => ((double[][])i.Arguments[0]!).Length)!;
        SeedPorts.MaxCut((double[][])largest.Arguments[0]!, out var backEdges);
        Assert.True(backEdges < Task.FuelPerInstance, $"{backEdges} loop iterations against {Task.FuelPerInstance} fuel");
    }

    [Fact]
    public void MaxCut_Graphs_AreSymmetric_WithIntegerWeightsUpToTen()
    {
        for (var index = 0; index < Task.InstanceCount(Split.Test); index++)
        {
            var graph = (WeightedGraph)Task.CreateInstance(Split.Test, index).Hidden;
            var n = graph.Adjacency.Length;
            Assert.InRange(n, 50, 200);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(0, graph.Adjacency[i][i]);
                for (var j = 0; j < n; j++)
                {
                    Assert.Equal(graph.Adjacency[i][j], graph.Adjacency[j][i]);
                    Assert.Contains(graph.Adjacency[i][j], Enumerable.Range(0, 11).Select(w => (double)w));
                }
            }
        }
    }

    [Fact]
    public void MaxCut_LabelsThatAreNotExactlyTwoDistinctValues_ScoreZero()
    {
        var instance = Task.CreateInstance(Split.Val, 0);
        var n = ((double[][])instance.Arguments[0]!).Length;
        Assert.Equal(0, Task.ScoreInstance(instance, new int[n]));
        Assert.Equal(0, Task.ScoreInstance(instance, Enumerable.Range(0, n).Select(i => i % 3).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, Enumerable.Range(0, n).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, Enumerable.Range(0, n - 1).Select(i => i % 2).ToArray()));
        Assert.InRange(Task.ScoreInstance(instance, Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 7 : -3).ToArray()), 0.3, 0.7);
    }

    [Fact]
    public void MaxCut_CuttingEveryEdgeOfABipartiteGraph_ScoresOne()
    {
        var graph = new WeightedGraph([[0, 2, 0], [2, 0, 3], [0, 3, 0]], 5);
        var instance = new TaskInstance(Split.Val, 0, [], 0, graph);
        Assert.Equal(1.0, Task.ScoreInstance(instance, new[] { 0, 1, 0 }));
        Assert.Equal(0.6, Task.ScoreInstance(instance, new[] { 0, 0, 1 }), 12);
    }
}
