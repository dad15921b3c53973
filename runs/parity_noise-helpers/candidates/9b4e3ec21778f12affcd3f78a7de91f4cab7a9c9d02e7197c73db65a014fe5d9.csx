int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var pred = new int[nTest];
    if (nTest == 0) return pred;
    int n = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    int m = 0;
    for (int i = 0; i < n; i++) if (trainSamples[i] != null) m = Math.Max(m, trainSamples[i].Length);
    foreach (var s in testSamples) if (s != null) m = Math.Max(m, s.Length);
    m = Math.Min(m, 62);
    Func<int[], long> enc = s => { long v = 0; if (s != null) for (int b = 0; b < s.Length && b < m; b++) if ((s[b] & 1) != 0) v |= 1L << b; return v; };
    Func<long, int> par = v => { v ^= v >> 32; v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1; return (int)(v & 1); };
    var X = new long[n]; var y = new int[n]; int ones = 0;
    for (int i = 0; i < n; i++) { X[i] = enc(trainSamples[i]); y[i] = trainParity[i] & 1; ones += y[i]; }
    var T = new long[nTest];
    for (int t = 0; t < nTest; t++) T[t] = enc(testSamples[t]);
    int majority = 2 * ones > n ? 1 : 0;
    if (n == 0) return pred;
    Func<long, int> agree = mask => { int a = 0; for (int i = 0; i < n; i++) if (par(X[i] & mask) == y[i]) a++; return a; };

    int bestAgree = -1; long bestMask = 0;
    if (m <= 16)
    {
        int M = 1 << m;
        var logw = new double[M]; double mx = double.MinValue;
        double lc = Math.Log(0.95), lw = Math.Log(0.05), l1 = Math.Log(0.3), l0 = Math.Log(0.7);
        for (int mask = 0; mask < M; mask++)
        {
            int a = agree(mask), pop = 0;
            for (int b = mask; b != 0; b &= b - 1) pop++;
            if (a > bestAgree) { bestAgree = a; bestMask = mask; }
            logw[mask] = a * lc + (n - a) * lw + pop * l1 + (m - pop) * l0;
            if (logw[mask] > mx) mx = logw[mask];
        }
        if (bestAgree < 0.6 * n) { for (int t = 0; t < nTest; t++) pred[t] = majority; return pred; }
        var vote = new double[nTest];
        for (int mask = 0; mask < M; mask++)
        {
            double w = Math.Exp(logw[mask] - mx);
            if (w < 1e-12) continue;
            for (int t = 0; t < nTest; t++) vote[t] += par(T[t] & mask) == 1 ? w : -w;
        }
        for (int t = 0; t < nTest; t++) pred[t] = vote[t] > 0 ? 1 : 0;
        return pred;
    }

    // RANSAC + Gaussian elimination over GF(2)
    var rng = new Random(12345);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    int k = Math.Min(n, m + 2);
    var R = new long[k]; var L = new int[k]; var piv = new int[k];
    bestAgree = agree(0);
    while (sw.ElapsedMilliseconds < 40)
    {
        for (int j = 0; j < k; j++) { int r = rng.Next(n); R[j] = X[r]; L[j] = y[r]; }
        int row = 0;
        for (int c = 0; c < m && row < k; c++)
        {
            int p = -1;
            for (int j = row; j < k; j++) if (((R[j] >> c) & 1) != 0) { p = j; break; }
            if (p < 0) continue;
            (R[p], R[row]) = (R[row], R[p]); (L[p], L[row]) = (L[row], L[p]);
            for (int j = 0; j < k; j++) if (j != row && ((R[j] >> c) & 1) != 0) { R[j] ^= R[row]; L[j] ^= L[row]; }
            piv[row++] = c;
        }
        long mask = 0;
        for (int j = 0; j < row; j++) if (L[j] == 1) mask |= 1L << piv[j];
        int a = agree(mask);
        if (a > bestAgree) { bestAgree = a; bestMask = mask; if (a == n) break; }
    }
    for (int t = 0; t < nTest; t++) pred[t] = bestAgree < 0.6 * n ? majority : par(T[t] & bestMask);
    return pred;
}