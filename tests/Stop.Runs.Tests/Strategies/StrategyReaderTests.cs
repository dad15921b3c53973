using Stop.Runs.Strategies;

namespace Stop.Runs.Tests.Strategies;

/// <summary>
/// Strategies of model-written improvers are read in an admission process: the same strategies the detector finds,
/// and, for text that holds Roslyn's parser past the backstop, a reason instead of a stalled host.
/// </summary>
public sealed class StrategyReaderTests
{
    /// <summary>
    /// 356 bytes at 20 levels that Roslyn's parser takes about 27 s over, twice as long for each level more (found by a
    /// review); a second past the backstop here.
    /// </summary>
    public static string NestedCollectionConditionals(int depth)
    {
        var expression = "0";
        for (var level = 0; level < depth; level++)
        {
            expression = $"c ? [{expression}] : 0";
        }
        return $"bool c = true;\nvar x = {expression};\n";
    }

    [Fact]
    public void Isolated_ReadsTheStrategiesTheDetectorFinds()
    {
        using var reader = StrategyReader.Isolated();

        foreach (var name in new[] { "seed", "temperatures", "propose_implement", "random_loop_not_annealing" })
        {
            var source = Improvers.Read(name);
            var reading = reader.Read(source);

            Assert.Null(reading.Unread);
            Assert.Equal(StrategyDetector.Detect(source), reading.Strategies);
        }
    }

    [Fact]
    public void Isolated_LeavesTextThatHoldsTheParserPastTheBackstopUnread_AndReadsTheNextText()
    {
        using var reader = StrategyReader.Isolated(backstop: TimeSpan.FromSeconds(1));

        var stuck = reader.Read(NestedCollectionConditionals(20));
        var next = reader.Read(Improvers.Read("seed"));

        Assert.Equal("reading it took more than 1 s", stuck.Unread);
        Assert.Empty(stuck.Strategies);
        Assert.Null(next.Unread);
        Assert.Equal([ImproverStrategy.BestOfN], next.Strategies.Select(s => s.Strategy));
        Assert.Null(StrategyReading.Change(stuck, next));
    }

    [Fact]
    public void TextNestedDeeperThanAdmissionTakes_IsUnread_NotReadAsEmpty()
    {
        // Found by a review: a comment of 600 brackets made the seed improver read as having no strategies.
        var source = Improvers.Read("seed") + "\n// " + new string('(', 600) + "\n";
        using var isolated = StrategyReader.Isolated();
        using var inHost = StrategyReader.InHost();

        Assert.Equal("it nests brackets more than 256 deep, which admission refuses", isolated.Read(source).Unread);
        Assert.Equal("it nests brackets more than 256 deep, which admission refuses", inHost.Read(source).Unread);
    }

    [Fact]
    public void Isolated_LeavesTextLongerThanAdmissionTakesUnread_WithoutSendingIt()
    {
        using var reader = StrategyReader.Isolated();

        var reading = reader.Read(new string('x', 2_000_001));

        Assert.Equal("it is longer than admission takes (2,000,000 characters)", reading.Unread);
    }
}
