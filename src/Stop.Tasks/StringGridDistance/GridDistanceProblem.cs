using Stop.Tasks.Generation;

namespace Stop.Tasks.StringGridDistance;

/// <summary>
/// A string grid distance problem as STOP draws it: a length in 1–30, then t and a witness s over "AB";
/// the target distance is grid_dist(s, t) = mismatches between s and t + changes of letter along s + along t.
/// </summary>
internal sealed record GridDistanceProblem(string T, string Witness, int Distance)
{
    public const int MaxLength = 30;
    public const string Alphabet = "AB";

    public static GridDistanceProblem Generate(SplitMix64 rng)
    {
        var length = rng.NextInt(1, MaxLength);
        var t = RandomString(rng, length);
        var s = RandomString(rng, length);
        return new GridDistanceProblem(t, s, GridDistance(s, t));
    }

    /// <summary>STOP's <c>grid_dist</c>; both strings must have equal length and use only A and B.</summary>
    public static int GridDistance(string s, string t)
    {
        var distance = 0;
        for (var i = 0; i < s.Length; i++)
        {
            distance += s[i] != t[i] ? 1 : 0;
            if (i > 0)
            {
                distance += s[i] != s[i - 1] ? 1 : 0;
                distance += t[i] != t[i - 1] ? 1 : 0;
            }
        }
        return distance;
    }

    private static string RandomString(SplitMix64 rng, int length) =>
        string.Create(length, rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.NextInt(0, Alphabet.Length - 1)];
            }
        });
}
