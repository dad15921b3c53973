using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>
/// An instance on which a solution throws or runs out of fuel does what it does in STOP's scorer for the task: ends
/// the candidate at the failure floor (parity_noise, maxcut, an exception in three_sat), or scores 0 while the other
/// instances run (parity_noiseless, str_grid_dist, modified_quadratic_assignment, a timeout in three_sat).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class FailedInstanceTests(SandboxFixture fixture)
{
    /// <summary>A plain answer for each task, of the right shape.</summary>
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["parity_noise"] = "new int[testSamples.Length]",
        ["parity_noiseless"] = "new int[testSamples.Length]",
        ["three_sat"] = "new bool[formula.Max(c => c.Max(Math.Abs)) + 1]",
        ["maxcut"] = "Enumerable.Range(0, adjacency.Length).Select(i => i % 2).ToArray()",
        ["modified_quadratic_assignment"] = "Enumerable.Range(0, F.Length).ToArray()",
        ["str_grid_dist"] = "t",
    };

    [Theory]
    [InlineData("parity_noise", "throw new InvalidOperationException(\"second\");", FailedInstance.EndsCandidate)]
    [InlineData("parity_noise", "while (true) { }", FailedInstance.EndsCandidate)]
    [InlineData("parity_noiseless", "throw new InvalidOperationException(\"second\");", FailedInstance.ScoresZero)]
    [InlineData("parity_noiseless", "while (true) { }", FailedInstance.ScoresZero)]
    [InlineData("three_sat", "throw new InvalidOperationException(\"second\");", FailedInstance.EndsCandidate)]
    [InlineData("three_sat", "while (true) { }", FailedInstance.ScoresZero)]
    [InlineData("maxcut", "throw new InvalidOperationException(\"second\");", FailedInstance.EndsCandidate)]
    [InlineData("maxcut", "while (true) { }", FailedInstance.EndsCandidate)]
    [InlineData("modified_quadratic_assignment", "throw new InvalidOperationException(\"second\");", FailedInstance.ScoresZero)]
    [InlineData("modified_quadratic_assignment", "while (true) { }", FailedInstance.ScoresZero)]
    [InlineData("str_grid_dist", "throw new InvalidOperationException(\"second\");", FailedInstance.ScoresZero)]
    [InlineData("str_grid_dist", "while (true) { }", FailedInstance.ScoresZero)]
    public async Task AFailureOnTheSecondInstance_DoesWhatStopsScorerDoes(string taskName, string failure, FailedInstance expected)
    {
        var task = TaskCatalog.Get(taskName);
        var candidate = $"int calls = 0;\n{task.Signature}\n{{\n    calls++;\n    if (calls == 2) {{ {failure} }}\n    return {Answers[taskName]};\n}}\n";

        var evaluation = await fixture.Sandbox.ScoreAsync(candidate, task, Split.Val);

        Assert.Equal(failure.StartsWith("throw", StringComparison.Ordinal) ? Verdict.RuntimeError : Verdict.Timeout, evaluation.Verdict);
        Assert.StartsWith("instance 1: ", evaluation.Reason, StringComparison.Ordinal);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
        if (expected == FailedInstance.EndsCandidate)
        {
            Assert.Equal(2, evaluation.Instances.Count);
            Assert.Equal(task.FailureFloor, evaluation.Score);
        }
        else
        {
            Assert.Equal(task.InstanceCount(Split.Val), evaluation.Instances.Count);
            Assert.Equal(0, evaluation.Instances[1].Score);
            var mean = evaluation.Instances.Sum(i => i.Score) / evaluation.Instances.Count;
            Assert.Equal(task.FinalScore(mean), evaluation.Score, 12);
        }
    }
}
