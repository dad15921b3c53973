int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var pred = new int[nTest];
    if (nTest == 0) return pred;
    int n = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    if (n == 0) return pred;
    int nBits = Math.Min(trainSamples[0].Length, 63);
    ulong Pack(int[] s) { ulong v = 0; for (int j = 0; j < Math.Min(s.Length, nBits); j++) if ((s[j] & 1) == 1) v |= 1UL << j; return v; }
    int Par(ulong v) => System.Numerics.BitOperations.PopCount(v) & 1;
    var X = new ulong[n]; var Y = new int[n]; var T = new ulong[nTest];
    for (int i = 0; i < n; i++) { X[i] = Pack(trainSamples[i]); Y[i] = trainParity[i] & 1; }
    for (int t = 0; t < nTest; t++) T[t] = Pack(testSamples[t]);

    if (nBits <= 16)
    {
        int M = 1 << nBits; var errs = new int[M]; int bestErr = int.MaxValue;
        for (int m = 0; m < M; m++)
        {
            int e = 0; ulong um = (ulong)m;
            for (int i = 0; i < n; i++) e += Par(X[i] & um) ^ Y[i];
            errs[m] = e; if (e < bestErr) bestErr = e;
        }
        double eps = Math.Clamp((bestErr + 1.0) / (n + 2.0), 0.01, 0.45);
        double lE = Math.Log(eps / (1 - eps)), lP = Math.Log(0.3 / 0.7);
        var sc = new double[M]; double best = double.NegativeInfinity;
        for (int m = 0; m < M; m++) { sc[m] = errs[m] * lE + System.Numerics.BitOperations.PopCount((uint)m) * lP; best = Math.Max(best, sc[m]); }
        var vote = new double[nTest];
        for (int m = 0; m < M; m++)
        {
            double w = Math.Exp(sc[m] - best); if (w < 1e-9) continue;
            for (int t = 0; t < nTest; t++) vote[t] += Par(T[t] & (ulong)m) == 1 ? w : -w;
        }
        for (int t = 0; t < nTest; t++) pred[t] = vote[t] > 0 ? 1 : 0;
        return pred;
    }

    // Large nBits: RANSAC over GF(2) Gaussian elimination
    var rnd = new Random(12345); var sw = System.Diagnostics.Stopwatch.StartNew();
    ulong bestMask = 0; int bestE = int.MaxValue;
    int Errors(ulong m) { int e = 0; for (int i = 0; i < n; i++) e += Par(X[i] & m) ^ Y[i]; return e; }
    bestE = Errors(0);
    int k = Math.Min(n, nBits + 4);
    var rows = new ulong[k]; var ys = new int[k];
    while (sw.ElapsedMilliseconds < 50)
    {
        for (int r = 0; r < k; r++) { int i = rnd.Next(n); rows[r] = X[i]; ys[r] = Y[i]; }
        int rank = 0; var pivCol = new int[k];
        for (int c = 0; c < nBits && rank < k; c++)
        {
            int p = -1; for (int r = rank; r < k; r++) if (((rows[r] >> c) & 1) == 1) { p = r; break; }
            if (p < 0) continue;
            (rows[p], rows[rank]) = (rows[rank], rows[p]); (ys[p], ys[rank]) = (ys[rank], ys[p]);
            for (int r = 0; r < k; r++) if (r != rank && ((rows[r] >> c) & 1) == 1) { rows[r] ^= rows[rank]; ys[r] ^= ys[rank]; }
            pivCol[rank++] = c;
        }
        ulong mask = 0; for (int r = 0; r < rank; r++) if (ys[r] == 1) mask |= 1UL << pivCol[r];
        int e2 = Errors(mask); if (e2 < bestE) { bestE = e2; bestMask = mask; }
        if (bestE == 0) break;
    }
    for (int t = 0; t < nTest; t++) pred[t] = Par(T[t] & bestMask);
    return pred;
}