using Stop.Tasks.Tests.Solvers;
using Stop.Tasks.Generation;

namespace Stop.Tasks.Tests;

/// <summary>What holds for every task's instances: determinism, isolation from the candidate, pinned content.</summary>
public sealed class InstanceTests
{
    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void CreateInstance_Twice_GivesEqualData(string name)
    {
        var task = TaskCatalog.Get(name);
        foreach (var split in new[] { Split.Val, Split.Test })
        {
            for (var index = 0; index < task.InstanceCount(split); index++)
            {
                Assert.Equal(InstanceFingerprint.Serialize(task.CreateInstance(split, index)), InstanceFingerprint.Serialize(task.CreateInstance(split, index)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void CreateInstance_ReturnsFreshArguments_ThatShareNoArrayWithTheScorer(string name)
    {
        var task = TaskCatalog.Get(name);
        var untouched = InstanceFingerprint.Serialize(task.CreateInstance(Split.Val, 0));
        var scrambled = task.CreateInstance(Split.Val, 0);
        Scramble(scrambled.Arguments);

        Assert.Equal(untouched, InstanceFingerprint.Serialize(task.CreateInstance(Split.Val, 0)));
        Assert.Equal(InstanceFingerprint.Serialize(task.CreateInstance(Split.Val, 0).Hidden), InstanceFingerprint.Serialize(scrambled.Hidden));
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void WithFreshArguments_CopiesEveryArray_SoAKeptInstanceStaysPristine(string name)
    {
        // Workers keep each instance and hand candidates WithFreshArguments copies of it.
        var task = TaskCatalog.Get(name);
        var kept = task.CreateInstance(Split.Val, 0);
        var pristine = InstanceFingerprint.Serialize(kept);

        var handedOut = kept.WithFreshArguments();
        Assert.Equal(pristine, InstanceFingerprint.Serialize(handedOut));
        Scramble(handedOut.Arguments);

        Assert.Equal(pristine, InstanceFingerprint.Serialize(kept));
        Assert.Equal(pristine, InstanceFingerprint.Serialize(kept.WithFreshArguments()));
        Assert.Same(kept.Hidden, handedOut.Hidden);
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void MutatingTheArguments_DoesNotChangeTheScoreOfTheSameOutput(string name)
    {
        var task = TaskCatalog.Get(name);
        var solve = ReferenceSolvers.For(name);
        for (var index = 0; index < 3; index++)
        {
            var instance = task.CreateInstance(Split.Val, index);
            var output = solve(instance);
            var before = task.ScoreInstance(instance, output);

            Scramble(instance.Arguments);

            Assert.Equal(before, task.ScoreInstance(instance, output));
        }
    }

    [Theory]
    [MemberData(nameof(TaskCatalogTests.TaskNames), MemberType = typeof(TaskCatalogTests))]
    public void ValAndTest_AreDifferentInstances(string name)
    {
        var task = TaskCatalog.Get(name);
        Assert.NotEqual(InstanceFingerprint.Hash(task, Split.Val), InstanceFingerprint.Hash(task, Split.Test));
        Assert.NotEqual(
            InstanceFingerprint.Serialize(task.CreateInstance(Split.Val, 0).Arguments),
            InstanceFingerprint.Serialize(task.CreateInstance(Split.Test, 0).Arguments));
    }

    [Theory]
    [InlineData("parity_noise", Split.Val, "441b4f0e4fe4577d0e4e34d662c0f3cdce799f3bfdd4bd216e59f7ce55460f65")]
    [InlineData("parity_noise", Split.Test, "895f634d9bf46ef512966d35d978715affbfa5584506a7ce65c49d8a0ed77a1c")]
    [InlineData("parity_noiseless", Split.Val, "32ca2088c58ee724e84ffd772f6fd4321e1e5c33f995c884685af2cf5558ea32")]
    [InlineData("parity_noiseless", Split.Test, "9898e5bd48fdec19b1148c58bc6b684488cf558a28f87d56ec59d6b7b9a2558a")]
    [InlineData("three_sat", Split.Val, "8d71a7892adfec583d2ab7a78349e8bffeab6bd1774c189c252a1a4cd1269b94")]
    [InlineData("three_sat", Split.Test, "66fe936e410c7f0ce7dfbc6982242883eedf96682fd9facd88f2cc8750ce6495")]
    [InlineData("maxcut", Split.Val, "218d59eb9f05f713f57cc6ee0828dd896003f6feb3e5ed28278465294fd4b3e7")]
    [InlineData("maxcut", Split.Test, "8215163204ded6ebc00302e895879c44dcc3fc9d3f2e23d8c356d70f0c6ceabf")]
    [InlineData("modified_quadratic_assignment", Split.Val, "dd5190719d45249833af5061c319c6e56ded692f8e4cd2c75760035650e2e4a1")]
    [InlineData("modified_quadratic_assignment", Split.Test, "f8a55fb0b2b501fc005b1fc880abea6ad7f5f234c95f9a9160960cdcdffecfd8")]
    [InlineData("str_grid_dist", Split.Val, "c9bbdef602dacd08ddd33d565a2c9818e88d7fd8a5d3ad1b1731fcc95d281ba3")]
    [InlineData("str_grid_dist", Split.Test, "f3dd2b006269ad1a10fc798d648cf009b41753e7d5eaeef5a009e045f4989591")]
    public void GeneratedInstances_MatchTheirPinnedHash(string name, Split split, string sha256) =>
        Assert.Equal(sha256, InstanceFingerprint.Hash(TaskCatalog.Get(name), split));

    /// <summary>Overwrites every value the candidate could reach, as a hostile candidate would.</summary>
    private static void Scramble(object?[] arguments)
    {
        for (var a = 0; a < arguments.Length; a++)
        {
            switch (arguments[a])
            {
                case int[] ints:
                    Array.Fill(ints, -7);
                    break;
                case double[] doubles:
                    Array.Fill(doubles, 1e9);
                    break;
                case bool[] bools:
                    Array.Fill(bools, true);
                    break;
                case object?[] rows:
                    Scramble(rows);
                    Array.Reverse(rows);
                    break;
                case int:
                    arguments[a] = -7;
                    break;
                case string:
                    arguments[a] = "";
                    break;
            }
        }
    }
}
