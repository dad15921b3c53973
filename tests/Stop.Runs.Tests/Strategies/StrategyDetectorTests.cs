using Stop.Runs.Strategies;
using static Stop.Runs.Strategies.ImproverStrategy;

namespace Stop.Runs.Tests.Strategies;

public sealed class StrategyDetectorTests
{
    public static TheoryData<string, ImproverStrategy[]> Corpus => new()
    {
        { "seed", [BestOfN] },
        { "refine", [IterativeRefinement] },
        { "beam", [BeamSearch] },
        { "genetic", [GeneticAlgorithm] },
        { "anneal", [SimulatedAnnealing] },
        { "bandit_ucb", [BanditSelection] },
        { "bandit_greedy", [BanditSelection] },
        { "temperatures", [BestOfN, TemperatureSchedule] },
        { "propose_implement", [BestOfN, Decomposition] },
        { "split_parts", [Decomposition] },
        { "vote", [Voting] },
        { "random_loop_not_annealing", [] },
        { "misleading_names", [BestOfN] },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Detect_FindsExactlyTheStrategiesTheImproverUses(string improver, ImproverStrategy[] expected)
    {
        var detected = StrategyDetector.Detect(Improvers.Read(improver));

        Assert.Equal(expected, detected.Select(d => d.Strategy));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Detect_IsUnchanged_WhenIdentifiersAreRenamedAndCommentsRemoved(string improver, ImproverStrategy[] expected)
    {
        var source = Improvers.Read(improver);
        var obfuscated = Obfuscator.Obfuscate(source);

        Assert.NotEqual(source, obfuscated);
        Assert.Equal(expected, StrategyDetector.Detect(obfuscated).Select(d => d.Strategy));
        Assert.Equal(
            StrategyDetector.Detect(source).Select(d => (d.Strategy, d.Line)),
            StrategyDetector.Detect(obfuscated).Select(d => (d.Strategy, d.Line)));
    }

    [Fact]
    public void Corpus_CoversEveryImproverFile()
    {
        Assert.Equal(Improvers.Names(), Corpus.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Detect_PointsAtTheLineOfThePattern()
    {
        var annealing = Assert.Single(StrategyDetector.Detect(Improvers.Read("anneal")));

        Assert.Equal(14, annealing.Line);
        Assert.Contains("exp(Δ/T)", annealing.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_FindsNothing_InCodeThatDoesNotParseAsAnImprover()
    {
        Assert.Empty(StrategyDetector.Detect("this is not C# {"));
    }
}
