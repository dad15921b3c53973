int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int n = trainSamples?.Length ?? 0, m = testSamples?.Length ?? 0;
    var preds = new int[m];
    if (m == 0) return preds;

    int Par(int v) { v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1; return v & 1; }
    int Pop(int v) { int c = 0; while (v != 0) { v &= v - 1; c++; } return c; }

    int ones = 0;
    for (int i = 0; i < n; i++) ones += trainParity[i] & 1;
    int majority = (n > 0 && 2 * ones >= n) ? 1 : 0;

    int d = n > 0 ? trainSamples[0].Length : testSamples[0].Length;
    if (n == 0 || d > 20)
    {
        for (int i = 0; i < m; i++) preds[i] = majority;
        return preds;
    }

    // Pack training samples into bitmasks
    var x = new int[n]; var y = new int[n];
    for (int i = 0; i < n; i++)
    {
        int v = 0;
        for (int j = 0; j < d; j++) v |= (trainSamples[i][j] & 1) << j;
        x[i] = v; y[i] = trainParity[i] & 1;
    }

    // Exhaustively score all 2^d parity hypotheses
    int M = 1 << d;
    var err = new int[M];
    int bestErr = int.MaxValue;
    for (int mask = 0; mask < M; mask++)
    {
        int e = 0;
        for (int i = 0; i < n; i++) e += Par(x[i] & mask) ^ y[i];
        err[mask] = e;
        if (e < bestErr) bestErr = e;
    }

    // Adaptive noise estimate (Laplace-smoothed, clamped)
    double eps = Math.Min(0.25, Math.Max(0.01, (bestErr + 1.0) / (n + 2.0)));
    double pT = 0.3;
    double lp = Math.Log(pT), lq = Math.Log(1 - pT), le = Math.Log(eps), lc = Math.Log(1 - eps);

    var logw = new double[M];
    double maxLw = double.NegativeInfinity;
    for (int mask = 0; mask < M; mask++)
    {
        int k = Pop(mask);
        double lw = k * lp + (d - k) * lq + err[mask] * le + (n - err[mask]) * lc;
        logw[mask] = lw;
        if (lw > maxLw) maxLw = lw;
    }

    // Keep only hypotheses with non-negligible posterior mass
    var keepMasks = new List<int>();
    var keepW = new List<double>();
    for (int mask = 0; mask < M; mask++)
    {
        double diff = logw[mask] - maxLw;
        if (diff > -40) { keepMasks.Add(mask); keepW.Add(Math.Exp(diff)); }
    }

    // Bayesian model-averaged prediction
    for (int t = 0; t < m; t++)
    {
        int v = 0;
        var s = testSamples[t];
        for (int j = 0; j < d && j < s.Length; j++) v |= (s[j] & 1) << j;
        double w1 = 0, w0 = 0;
        for (int h = 0; h < keepMasks.Count; h++)
        {
            if (Par(v & keepMasks[h]) == 1) w1 += keepW[h]; else w0 += keepW[h];
        }
        preds[t] = w1 > w0 ? 1 : (w1 < w0 ? 0 : majority);
    }
    return preds;
}