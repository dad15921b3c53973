using Stop.Models.Testing;
using Stop.Runs.Configuration;
using Stop.Runs.SelfImprovement;
using Stop.Runs.Tests.SelfImprovement;
using Stop.Runs.Transfer;
using Stop.Sandbox;

namespace Stop.Runs.Tests.Transfer;

/// <summary><c>stop eval</c>'s engine against the fake server: the transfer table is computed, written and readable.</summary>
public sealed class TransferEvaluationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "stop-eval-tests-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task TransferTable_ScoresSeedSolutionSeedImproverAndImprover_OnTest()
    {
        // Every answer is a parity solution, which defines no 3-SAT Algorithm: the seed improver returns a
        // failing candidate, while the improver that keeps its incumbent returns the seed solution.
        await using var server = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var options = new RunOptions
        {
            Task = "three_sat", Model = "openai:fake-model", Endpoint = server.Endpoint.ToString(),
            MetaTests = 1, CallBudget = 1, ResponsesPerCall = 2, Iterations = 0,
        };

        var table = await RunLauncher.EvaluateTransferAsync(ScriptedModel.GoodImprover, ["three_sat"], options, root,
            new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        var row = Assert.Single(table.Rows);
        Assert.Equal("three_sat", row.Task);
        Assert.InRange(row.SeedSolution, 0.5, 1);
        Assert.Equal(0, row.SeedImprover);
        Assert.Equal(row.SeedSolution, row.Improver);
        var written = TransferTable.Read(root);
        Assert.NotNull(written);
        Assert.Equal(table.Improver, written.Improver);
        Assert.Equal(table.Rows, written.Rows);
    }

    [Fact]
    public async Task TheUtilityBudget_BindsWhereStopsScorerChecksIt_OnlyOnParity()
    {
        // Found by a review: STOP's parity scorers return 0 past utility.budget; its other scorers have the check
        // commented out. This improver keeps its incumbent only if every one of budget + 3 scorings counted.
        const string Counting = """
            string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
            {
                var counted = 0;
                for (var i = 0; i < utility.Budget + 3; i++)
                {
                    if (utility.Score(initialSolution) > 0) { counted++; }
                }
                return counted == utility.Budget + 3 ? initialSolution : "";
            }
            """;
        await using var server = FakeOpenAIServer.Start(new ScriptedModel().Answer);
        var options = new RunOptions
        {
            Task = "parity_noise", Model = "openai:fake-model", Endpoint = server.Endpoint.ToString(),
            MetaTests = 1, CallBudget = 1, ResponsesPerCall = 2, Iterations = 0,
        };

        var table = await RunLauncher.EvaluateTransferAsync(Counting, ["three_sat", "parity_noise"], options, root,
            new SandboxOptions(), NoProgress.Instance, CancellationToken.None);

        var threeSat = table.Rows.Single(r => r.Task == "three_sat");
        var parity = table.Rows.Single(r => r.Task == "parity_noise");
        Assert.Equal(threeSat.SeedSolution, threeSat.Improver);
        Assert.Equal(0, parity.Improver);
        Assert.InRange(parity.SeedSolution, 0.3, 0.7);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
