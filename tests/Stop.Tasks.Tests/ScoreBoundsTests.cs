namespace Stop.Tasks.Tests;

/// <summary>No output, however shaped, scores outside [0, 1]; outputs of the wrong shape score 0.</summary>
public sealed class ScoreBoundsTests
{
    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void NullOrWronglyTypedOutputs_ScoreZero_AndAreDescribedAsMalformed(string name)
    {
        var task = TaskCatalog.Get(name);
        var instance = task.CreateInstance(Split.Val, 0);
        // three_sat alone takes null as "gave up" (STOP's seed returns None): unsolved, not malformed.
        if (name != "three_sat")
        {
            Assert.Equal(0, task.ScoreInstance(instance, null));
            Assert.NotNull(task.DescribeMalformed(instance, null));
        }
        object[] outputs = [new object(), "AB", 1, 1.0, new long[20], new double[20], new int[0], new bool[0], new List<int>(), new int[][] { new int[20] }];
        foreach (var output in outputs.Where(o => o.GetType() != task.ReturnType))
        {
            Assert.Equal(0, task.ScoreInstance(instance, output));
            Assert.NotNull(task.DescribeMalformed(instance, output));
        }
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void HugeOutputs_ScoreZero(string name)
    {
        var task = TaskCatalog.Get(name);
        var instance = task.CreateInstance(Split.Val, 0);
        object output = task.ReturnType == typeof(string) ? new string('A', 1_000_000)
            : task.ReturnType == typeof(bool[]) ? new bool[1_000_000]
            : Enumerable.Range(0, 1_000_000).Select(i => i % 2).ToArray();
        Assert.Equal(0, task.ScoreInstance(instance, output));
        Assert.NotNull(task.DescribeMalformed(instance, output));
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void RandomOutputsOfTheRightType_AlwaysScoreWithinZeroAndOne(string name)
    {
        var task = TaskCatalog.Get(name);
        var random = new Random(12345);
        for (var index = 0; index < task.InstanceCount(Split.Val); index++)
        {
            var instance = task.CreateInstance(Split.Val, index);
            for (var trial = 0; trial < 50; trial++)
            {
                var length = random.Next(0, 3) switch { 0 => random.Next(0, 300), _ => ExpectedLength(instance) + random.Next(-1, 2) };
                length = Math.Max(0, length);
                object output = task.ReturnType == typeof(string) ? new string([.. Enumerable.Range(0, length).Select(_ => "ABa"[random.Next(random.Next(2) == 0 ? 2 : 3)])])
                    : task.ReturnType == typeof(bool[]) ? Enumerable.Range(0, length).Select(_ => random.Next(2) == 1).ToArray()
                    : Enumerable.Range(0, length).Select(_ => random.Next(-1, random.Next(2) == 0 ? 3 : length + 1)).ToArray();
                var score = task.ScoreInstance(instance, output);
                Assert.InRange(score, 0, 1);
            }
        }
    }

    private static int ExpectedLength(TaskInstance instance) => instance.Arguments[0] switch
    {
        string t => t.Length,
        int[][] formula => formula.SelectMany(c => c).Max(Math.Abs) + 1,
        double[][] matrix => matrix.Length,
        _ => ((int[][])instance.Arguments[2]!).Length,
    };
}
