using Stop.Tasks.StringGridDistance;
using Stop.Tasks.Tests.Seeds;
using Stop.Tasks.Tests.Solvers;
using Stop.Tasks.Tests.Support;

namespace Stop.Tasks.Tests;

public sealed class StrGridDistTests
{
    private static readonly StrGridDistTask Task = new();

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void StrGridDist_DynamicProgramme_HitsEveryDistanceExactly(Split split) =>
        Assert.All(Scoring.Scores(Task, split, ReferenceSolvers.For(Task.Name)), score => Assert.Equal(1.0, score));

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void StrGridDist_Seed_ReturnsT_AndScoresAsStopsFormulaSays(Split split)
    {
        // The seed answers t itself, whose distance to t is twice its letter changes; STOP's score_test
        // gives 1 for an exact hit and 0.5 − |d − dist| / (6·len) otherwise.
        for (var index = 0; index < Task.InstanceCount(split); index++)
        {
            var instance = Task.CreateInstance(split, index);
            var (t, dist) = ((string)instance.Arguments[0]!, (int)instance.Arguments[1]!);
            var d = 2 * Enumerable.Range(1, t.Length - 1).Count(i => t[i] != t[i - 1]);
            var expected = d == dist ? 1.0 : 0.5 - Math.Abs(d - dist) / (6.0 * t.Length);
            Assert.Equal(expected, Task.ScoreInstance(instance, SeedPorts.StrGridDist(t, dist)), 12);
        }
        Assert.InRange(Scoring.Mean(Task, split, i => SeedPorts.StrGridDist((string)i.Arguments[0]!, (int)i.Arguments[1]!)), 0.4, 0.6);
    }

    [Theory]
    [InlineData("AB", "BA", 4)]
    [InlineData("AAAA", "AAAA", 0)]
    [InlineData("ABAB", "AAAA", 5)]
    [InlineData("A", "B", 1)]
    public void GridDistance_CountsMismatchesAndChangesAlongBothStrings(string s, string t, int expected) =>
        Assert.Equal(expected, GridDistanceProblem.GridDistance(s, t));

    [Fact]
    public void StrGridDist_StringsOfTheWrongLengthOrAlphabet_ScoreZero()
    {
        var instance = Task.CreateInstance(Split.Val, 0);
        var witness = ((GridDistanceProblem)instance.Hidden).Witness;
        Assert.Equal(1.0, Task.ScoreInstance(instance, witness));
        Assert.Equal(0, Task.ScoreInstance(instance, witness + "A"));
        Assert.Equal(0, Task.ScoreInstance(instance, witness[..^1]));
        Assert.Equal(0, Task.ScoreInstance(instance, witness.ToLowerInvariant()));
        Assert.Equal(0, Task.ScoreInstance(instance, "C" + witness[1..]));
        Assert.Equal(0, Task.ScoreInstance(instance, ""));
    }

    [Fact]
    public void StrGridDist_Misses_ScoreBetweenZeroAndOneHalf()
    {
        for (var index = 0; index < Task.InstanceCount(Split.Val); index++)
        {
            var instance = Task.CreateInstance(Split.Val, index);
            var t = (string)instance.Arguments[0]!;
            foreach (var s in new[] { new string('A', t.Length), string.Concat(Enumerable.Range(0, t.Length).Select(i => "AB"[i % 2])) })
            {
                var score = Task.ScoreInstance(instance, s);
                Assert.True(score == 1.0 || score is > 0 and <= 0.5, $"{s} vs {t}: {score}");
            }
        }
    }
}
