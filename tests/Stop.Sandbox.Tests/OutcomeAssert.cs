namespace Stop.Sandbox.Tests;

internal static class OutcomeAssert
{
    /// <summary>Two evaluations of one candidate came out the same: its score, its fuel and every instance's score.</summary>
    public static void Same(Evaluation expected, Evaluation actual)
    {
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Fuel, actual.Fuel);
        Assert.Equal(expected.Instances.Select(i => i.Score), actual.Instances.Select(i => i.Score));
    }
}
