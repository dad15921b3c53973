using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>Every task's seed solution goes through the whole pipeline and scores as STOP's seed does.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SeedSolutionTests(SandboxFixture fixture)
{
    public static TheoryData<string> Tasks() => [.. TaskCatalog.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Seed_IsAdmittedAndScoredWithinRange(string name)
    {
        var task = TaskCatalog.Get(name);

        var evaluation = await fixture.Sandbox.ScoreAsync(task.SeedSolution, task, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{name}: {evaluation.Verdict.ToWord()}: {evaluation.Reason}");
        Assert.InRange(evaluation.Score, 0, 1);
        Assert.Equal(task.InstanceCount(Split.Val), evaluation.Instances.Count);
    }

    [Fact]
    public async Task ParitySeed_GuessesAtChance()
    {
        var task = TaskCatalog.Get("parity_noise");

        var evaluation = await fixture.Sandbox.ScoreAsync(task.SeedSolution, task, Split.Test);

        Assert.InRange(evaluation.Score, 0.4, 0.6);
    }
}
