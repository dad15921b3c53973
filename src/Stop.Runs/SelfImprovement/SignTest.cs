namespace Stop.Runs.SelfImprovement;

/// <summary>The one-sided paired sign test behind <c>--accept better</c>.</summary>
public static class SignTest
{
    /// <summary>
    /// P(at least <c>wins</c> of the non-tied pairs favour the challenger | no difference): ties are dropped,
    /// as the sign test does.
    /// </summary>
    public static (int Wins, int Losses, double PValue) OneSided(IReadOnlyList<double> challenger, IReadOnlyList<double> incumbent)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(incumbent);
        if (challenger.Count != incumbent.Count)
        {
            throw new ArgumentException($"Paired samples differ in length: {challenger.Count} and {incumbent.Count}.");
        }
        var wins = challenger.Zip(incumbent).Count(p => p.First > p.Second);
        var losses = challenger.Zip(incumbent).Count(p => p.First < p.Second);
        var n = wins + losses;
        if (n == 0)
        {
            return (0, 0, 1);
        }
        // Sum of C(n, i) / 2^n for i >= wins, in logs so large n stays finite.
        var p = 0.0;
        for (var i = wins; i <= n; i++)
        {
            p += Math.Exp(LogChoose(n, i) - (n * Math.Log(2)));
        }
        return (wins, losses, Math.Min(1, p));
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }
        return sum;
    }
}
