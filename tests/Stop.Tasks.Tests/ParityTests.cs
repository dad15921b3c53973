using Stop.Tasks.Parity;
using Stop.Tasks.Tests.Seeds;
using Stop.Tasks.Tests.Solvers;
using Stop.Tasks.Tests.Support;

namespace Stop.Tasks.Tests;

public sealed class ParityTests
{
    private static readonly ParityNoiseTask Noise = new();
    private static readonly ParityNoiselessTask Noiseless = new();

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void ParityNoise_ReferenceSolver_ScoresOne(Split split) =>
        // 100 samples with 5% noise single out the true subset: it disagrees with ~5 labels, any other with ~50.
        Assert.Equal(1.0, Scoring.Mean(Noise, split, ReferenceSolvers.For(Noise.Name)), 9);

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void ParityNoiseless_GaussianElimination_ScoresOne(Split split) =>
        Assert.Equal(1.0, Scoring.Mean(Noiseless, split, ReferenceSolvers.For(Noiseless.Name)), 9);

    [Theory]
    [InlineData(Split.Val)]
    [InlineData(Split.Test)]
    public void ParitySeeds_GuessAtRandom_AndScoreAboutOneHalf(Split split)
    {
        // STOP's seed draws each prediction from binomial(1, 0.5): expected 0.5 (the paper's seed LPN score);
        // over 400+ predictions the standard deviation is under 0.025.
        foreach (DownstreamTask task in new DownstreamTask[] { Noise, Noiseless })
        {
            var mean = Scoring.Mean(task, split, i => SeedPorts.Parity(new Random(i.RandomSeed), (int[][])i.Arguments[0]!, (int[])i.Arguments[1]!, (int[][])i.Arguments[2]!));
            Assert.InRange(mean, 0.42, 0.58);
        }
    }

    [Fact]
    public void ParityNoise_FlipsAboutFivePercentOfTrainingLabels_AndNoTestLabels()
    {
        var flipped = 0;
        var labels = 0;
        for (var index = 0; index < Noise.InstanceCount(Split.Test); index++)
        {
            var problem = (ParityProblem)Noise.CreateInstance(Split.Test, index).Hidden;
            var clean = Parity(problem.TrueBits, problem.TrainSamples);
            flipped += clean.Zip(problem.TrainParity).Count(pair => pair.First != pair.Second);
            labels += clean.Length;
            Assert.Equal(Parity(problem.TrueBits, problem.TestSamples), problem.TestParity);
        }
        Assert.InRange((double)flipped / labels, 0.035, 0.065);
    }

    [Fact]
    public void ParityNoiseless_TrainingLabels_AreTheExactParity()
    {
        for (var index = 0; index < Noiseless.InstanceCount(Split.Val); index++)
        {
            var problem = (ParityProblem)Noiseless.CreateInstance(Split.Val, index).Hidden;
            Assert.Equal(Parity(problem.TrueBits, problem.TrainSamples), problem.TrainParity);
            Assert.Equal(100, problem.TrainSamples.Length);
            Assert.Equal(20, problem.TestSamples.Length);
            Assert.All(problem.TrainSamples.Concat(problem.TestSamples), sample => Assert.Equal(10, sample.Length));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void Parity_PredictionsOutsideZeroAndOne_ScoreZero(int bad)
    {
        foreach (DownstreamTask task in new DownstreamTask[] { Noise, Noiseless })
        {
            var instance = task.CreateInstance(Split.Val, 0);
            var right = ((ParityProblem)instance.Hidden).TestParity;
            var output = (int[])right.Clone();
            output[^1] = bad;
            Assert.Equal(0, task.ScoreInstance(instance, output));
        }
    }

    [Fact]
    public void Parity_PredictionsOfTheWrongLength_ScoreZero()
    {
        var instance = Noise.CreateInstance(Split.Val, 0);
        var right = ((ParityProblem)instance.Hidden).TestParity;
        Assert.Equal(1.0, Noise.ScoreInstance(instance, right.Clone()));
        Assert.Equal(0, Noise.ScoreInstance(instance, right[..^1]));
        Assert.Equal(0, Noise.ScoreInstance(instance, right.Concat(right).ToArray()));
    }

    private static int[] Parity(int[] subset, int[][] samples) =>
        [.. samples.Select(sample => sample.Zip(subset, (bit, mask) => bit & mask).Sum() % 2)];
}
