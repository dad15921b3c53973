int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int m = testSamples.Length;
    var pred = new int[m];
    int n = trainSamples.Length;
    if (m == 0) return pred;
    int ones = 0;
    for (int i = 0; i < n; i++) ones += trainParity[i] & 1;
    int majority = (n > 0 && ones * 2 > n) ? 1 : 0;
    for (int t = 0; t < m; t++) pred[t] = majority;
    try
    {
        if (n == 0) return pred;
        int d = trainSamples[0].Length;
        if (d <= 0 || d > 20) return pred;

        var x = new int[n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            int v = 0;
            var s = trainSamples[i];
            for (int j = 0; j < d; j++) if ((s[j] & 1) == 1) v |= 1 << j;
            x[i] = v; y[i] = trainParity[i] & 1;
        }
        var tx = new int[m];
        for (int t = 0; t < m; t++)
        {
            int v = 0;
            var s = testSamples[t];
            for (int j = 0; j < d && j < s.Length; j++) if ((s[j] & 1) == 1) v |= 1 << j;
            tx[t] = v;
        }

        int M = 1 << d;
        var errs = new int[M];
        int bestErr = int.MaxValue;
        for (int mask = 0; mask < M; mask++)
        {
            int e = 0;
            for (int i = 0; i < n; i++)
                e += (System.Numerics.BitOperations.PopCount((uint)(x[i] & mask)) & 1) ^ y[i];
            errs[mask] = e;
            if (e < bestErr) bestErr = e;
        }

        double logPrior = Math.Log(0.3 / 0.7);
        double eps = 0.05;
        var logw = new double[M];
        for (int pass = 0; pass < 2; pass++)
        {
            double logE = Math.Log(eps / (1 - eps));
            double maxLw = double.NegativeInfinity;
            int argBest = 0;
            for (int mask = 0; mask < M; mask++)
            {
                double lw = errs[mask] * logE + System.Numerics.BitOperations.PopCount((uint)mask) * logPrior;
                logw[mask] = lw;
                if (lw > maxLw) { maxLw = lw; argBest = mask; }
            }

            if (pass == 0)
            {
                // Adaptive refinement: re-estimate noise from the MAP mask
                eps = (errs[argBest] + 1.0) / (n + 2.0);
                eps = Math.Min(0.3, Math.Max(0.01, eps));
                continue;
            }

            var vote = new double[m];
            for (int mask = 0; mask < M; mask++)
            {
                double diff = logw[mask] - maxLw;
                if (diff < -40) continue;
                double w = Math.Exp(diff);
                for (int t = 0; t < m; t++)
                {
                    int p = System.Numerics.BitOperations.PopCount((uint)(tx[t] & mask)) & 1;
                    vote[t] += p == 1 ? w : -w;
                }
            }
            for (int t = 0; t < m; t++)
            {
                if (vote[t] > 0) pred[t] = 1;
                else if (vote[t] < 0) pred[t] = 0;
                else pred[t] = System.Numerics.BitOperations.PopCount((uint)(tx[t] & argBest)) & 1;
            }
        }
        return pred;
    }
    catch
    {
        return pred;
    }
}