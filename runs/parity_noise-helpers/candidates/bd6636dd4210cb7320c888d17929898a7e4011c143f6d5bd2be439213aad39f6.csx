int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    if (trainSamples.Length == 0 || nTest == 0) return predictions;
    int n = trainSamples[0].Length;

    if (n > 22)
    {
        int ones = 0;
        foreach (var p in trainParity) ones += p;
        int maj = 2 * ones >= trainParity.Length ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << n;
    var f = new double[size];
    for (int i = 0; i < trainSamples.Length; i++)
    {
        int x = 0;
        var s = trainSamples[i];
        for (int b = 0; b < n; b++) if (s[b] != 0) x |= 1 << b;
        f[x] += trainParity[i] != 0 ? -1.0 : 1.0;
    }

    // Fast Walsh–Hadamard transform: f[m] = agreements - disagreements for mask m
    for (int len = 1; len < size; len <<= 1)
        for (int i = 0; i < size; i += len << 1)
            for (int j = i; j < i + len; j++)
            {
                double a = f[j], c = f[j + len];
                f[j] = a + c;
                f[j + len] = a - c;
            }

    double noise = 0.05, pTrue = 0.3;
    double halfLlr = 0.5 * Math.Log((1 - noise) / noise);
    double priorBit = Math.Log(pTrue / (1 - pTrue));

    var logPost = new double[size];
    double maxLp = double.NegativeInfinity;
    for (int m = 0; m < size; m++)
    {
        double lp = f[m] * halfLlr + System.Numerics.BitOperations.PopCount((uint)m) * priorBit;
        logPost[m] = lp;
        if (lp > maxLp) maxLp = lp;
    }

    // Keep only masks with non-negligible posterior weight
    var masks = new System.Collections.Generic.List<int>();
    var weights = new System.Collections.Generic.List<double>();
    for (int m = 0; m < size; m++)
    {
        double d = logPost[m] - maxLp;
        if (d > -30) { masks.Add(m); weights.Add(Math.Exp(d)); }
    }

    for (int t = 0; t < nTest; t++)
    {
        int x = 0;
        var s = testSamples[t];
        for (int b = 0; b < n && b < s.Length; b++) if (s[b] != 0) x |= 1 << b;
        double w1 = 0, w0 = 0;
        for (int k = 0; k < masks.Count; k++)
        {
            if ((System.Numerics.BitOperations.PopCount((uint)(masks[k] & x)) & 1) == 1) w1 += weights[k];
            else w0 += weights[k];
        }
        predictions[t] = w1 > w0 ? 1 : 0;
    }
    return predictions;
}