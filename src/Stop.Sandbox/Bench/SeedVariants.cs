using System.Globalization;

namespace Stop.Sandbox.Bench;

/// <summary>
/// Distinct variants of the parity_noise seed solution for the bench: each differs in IL (its threshold
/// constant, loop shape and an extra arithmetic term), so no two compile to the same assembly.
/// </summary>
public static class SeedVariants
{
    /// <summary>Variant <paramref name="index"/>; any two indices below 100,000 give different code and IL.</summary>
    public static string Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var threshold = (0.4 + index * 1e-6).ToString("R", CultureInfo.InvariantCulture);
        var weight = (1 + index % 7).ToString(CultureInfo.InvariantCulture);
        var predict = index % 2 == 0
            ? $"random.NextDouble() < {threshold} ? 1 : 0"
            : $"(random.NextDouble() * {weight} + trainParity[i % trainParity.Length] * 0.0) < {threshold} * {weight} ? 1 : 0";
        var loop = (index / 2 % 3) switch
        {
            0 => $$"""
                for (var i = 0; i < predictions.Length; i++)
                {
                    predictions[i] = {{predict}};
                }
            """,
            1 => $$"""
                var i = 0;
                while (i < predictions.Length)
                {
                    predictions[i] = {{predict}};
                    i++;
                }
            """,
            _ => $$"""
                for (var i = predictions.Length - 1; i >= 0; i--)
                {
                    predictions[i] = {{predict}};
                }
            """,
        };
        return $$"""
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var random = new Random();
                var predictions = new int[testSamples.Length];
            {{loop}}
                return predictions;
            }
            """;
    }
}
