using Stop.Tasks.QuadraticAssignment;
using Stop.Tasks.Tests.Seeds;
using Stop.Tasks.Tests.Solvers;
using Stop.Tasks.Tests.Support;

namespace Stop.Tasks.Tests;

public sealed class ModifiedQuadraticAssignmentTests
{
    private static readonly ModifiedQuadraticAssignmentTask Task = new();

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void Mqap_LocalSearch_ScoresAtLeastTheSeed_AndWellAboveARandomPermutation(Split split)
    {
        var reference = Scoring.Mean(Task, split, ReferenceSolvers.For(Task.Name));
        var seed = Scoring.Mean(Task, split, SeedOutput);
        var random = new Random(3);
        var randomPermutation = Scoring.Mean(Task, split, _ => Enumerable.Range(0, 15).OrderBy(_ => random.Next()).ToArray());
        Assert.True(reference >= seed - 1e-9, $"reference {reference} vs seed {seed}");
        Assert.True(seed > randomPermutation + 0.05, $"seed {seed} vs random {randomPermutation}");
        Assert.InRange(reference, 0.5, 1.0);
    }

    [Fact]
    public void Mqap_Seed_MinimisesTheObjective_SoItsScoreIsTheNormalisedObjectiveFlipped()
    {
        for (var index = 0; index < Task.InstanceCount(Split.Val); index++)
        {
            var instance = Task.CreateInstance(Split.Val, index);
            var problem = (QuadraticAssignmentProblem)instance.Hidden;
            var assignment = (int[])SeedOutput(instance);
            var objective = problem.Objective(assignment);
            Assert.Equal((problem.UpperBound - objective) / (problem.UpperBound - problem.LowerBound), Task.ScoreInstance(instance, assignment), 12);
            // The seed keeps the best objective it met, so it never ends worse than where it started.
            Assert.True(objective <= problem.Objective([.. Enumerable.Range(0, 15)]) + 1e-12);
        }
    }

    [Fact]
    public void Mqap_Bounds_EncloseTheObjectiveOfEveryPermutationTried()
    {
        var random = new Random(11);
        for (var index = 0; index < Task.InstanceCount(Split.Test); index++)
        {
            var problem = (QuadraticAssignmentProblem)Task.CreateInstance(Split.Test, index).Hidden;
            var best = QuadraticAssignmentLocalSearch.Solve(problem.F, problem.D, problem.P, index);
            Assert.InRange(problem.Objective(best), problem.LowerBound, problem.UpperBound);
            for (var trial = 0; trial < 200; trial++)
            {
                var assignment = Enumerable.Range(0, 15).OrderBy(_ => random.Next()).ToArray();
                Assert.InRange(problem.Objective(assignment), problem.LowerBound, problem.UpperBound);
            }
        }
    }

    [Fact]
    public void Mqap_OutputsThatAreNotPermutations_ScoreZero()
    {
        var instance = Task.CreateInstance(Split.Val, 0);
        int[] identity = [.. Enumerable.Range(0, 15)];
        Assert.InRange(Task.ScoreInstance(instance, identity), 0, 1);
        Assert.Equal(0, Task.ScoreInstance(instance, identity[..14]));
        Assert.Equal(0, Task.ScoreInstance(instance, identity.Append(0).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, identity.Select(i => i == 3 ? 4 : i).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, identity.Select(i => i == 14 ? 15 : i).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, identity.Select(i => i == 0 ? -1 : i).ToArray()));
        Assert.Equal(0, Task.ScoreInstance(instance, new int[15]));
    }

    private static object SeedOutput(TaskInstance i) =>
        SeedPorts.ModifiedQuadraticAssignment(new Random(i.RandomSeed), (double[][])i.Arguments[0]!, (double[][])i.Arguments[1]!, (double[][])i.Arguments[2]!);
}
