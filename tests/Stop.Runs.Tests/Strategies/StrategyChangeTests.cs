using Stop.Runs.Strategies;

namespace Stop.Runs.Tests.Strategies;

public sealed class StrategyChangeTests
{
    [Fact]
    public void Between_ListsAddedAndRemovedStrategies_FromSeedToTemperatureLoop()
    {
        var change = StrategyChange.Between(
            StrategyDetector.Detect(Improvers.Read("seed")),
            StrategyDetector.Detect(Improvers.Read("temperatures")));

        Assert.Equal([ImproverStrategy.TemperatureSchedule], change.Added);
        Assert.Empty(change.Removed);
    }

    [Fact]
    public void Between_ReportsTheSeedStrategyRemoved_WhenAnnealingReplacesIt()
    {
        var change = StrategyChange.Between(
            StrategyDetector.Detect(Improvers.Read("seed")),
            StrategyDetector.Detect(Improvers.Read("anneal")));

        Assert.Equal([ImproverStrategy.SimulatedAnnealing], change.Added);
        Assert.Equal([ImproverStrategy.BestOfN], change.Removed);
    }
}
