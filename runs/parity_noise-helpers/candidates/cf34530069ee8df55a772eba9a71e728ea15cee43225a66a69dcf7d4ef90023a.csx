int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var pred = new int[nTest];
    if (nTest == 0) return pred;
    int m = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    int n = 0;
    foreach (var s in testSamples) if (s != null) n = Math.Max(n, s.Length);
    for (int i = 0; i < m; i++) if (trainSamples[i] != null) n = Math.Max(n, trainSamples[i].Length);

    int ones = 0;
    for (int i = 0; i < m; i++) ones += (trainParity[i] & 1);
    int majority = 2 * ones > m ? 1 : 0;
    for (int i = 0; i < nTest; i++) pred[i] = majority;
    if (m == 0 || n == 0 || n > 62) return pred;

    static int Pop(ulong x) { int c = 0; while (x != 0) { x &= x - 1; c++; } return c; }
    ulong Enc(int[] s) { ulong v = 0; if (s != null) for (int b = 0; b < s.Length && b < 62; b++) if (s[b] != 0) v |= 1UL << b; return v; }

    var X = new ulong[m]; var Y = new int[m];
    for (int i = 0; i < m; i++) { X[i] = Enc(trainSamples[i]); Y[i] = trainParity[i] & 1; }
    var T = new ulong[nTest];
    for (int i = 0; i < nTest; i++) T[i] = Enc(testSamples[i]);

    if (n <= 16)
    {
        int size = 1 << n;
        var logw = new double[size];
        double errPen = Math.Log(0.95 / 0.05), bitPen = Math.Log(0.7 / 0.3), best = double.NegativeInfinity;
        for (int mask = 0; mask < size; mask++)
        {
            int err = 0;
            for (int i = 0; i < m; i++) if ((Pop(X[i] & (ulong)mask) & 1) != Y[i]) err++;
            logw[mask] = -err * errPen - Pop((ulong)mask) * bitPen;
            if (logw[mask] > best) best = logw[mask];
        }
        var w = new double[size];
        for (int mask = 0; mask < size; mask++) w[mask] = Math.Exp(logw[mask] - best);
        for (int t = 0; t < nTest; t++)
        {
            double p1 = 0, p0 = 0;
            for (int mask = 0; mask < size; mask++)
            {
                if (w[mask] < 1e-12) continue;
                if ((Pop(T[t] & (ulong)mask) & 1) == 1) p1 += w[mask]; else p0 += w[mask];
            }
            pred[t] = p1 > p0 ? 1 : 0;
        }
        return pred;
    }

    // RANSAC + GF(2) elimination for larger n
    var rnd = new Random(12345);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    ulong bestMask = 0; int bestErr = int.MaxValue;
    var idx = Enumerable.Range(0, m).ToArray();
    var basis = new ulong[n]; var lab = new int[n];
    while (sw.ElapsedMilliseconds < 60)
    {
        for (int i = m - 1; i > 0; i--) { int j = rnd.Next(i + 1); (idx[i], idx[j]) = (idx[j], idx[i]); }
        Array.Clear(basis, 0, n);
        int take = Math.Min(m, n + 2);
        for (int k = 0; k < take; k++)
        {
            ulong r = X[idx[k]]; int y = Y[idx[k]];
            for (int b = n - 1; b >= 0 && r != 0; b--)
            {
                if (((r >> b) & 1) == 0) continue;
                if (basis[b] == 0) { basis[b] = r; lab[b] = y; break; }
                r ^= basis[b]; y ^= lab[b];
            }
        }
        ulong sol = 0;
        for (int b = 0; b < n; b++)
        {
            if (basis[b] == 0) continue;
            int v = lab[b] ^ (Pop(basis[b] & sol & ((1UL << b) - 1)) & 1);
            if (v == 1) sol |= 1UL << b;
        }
        int err = 0;
        for (int i = 0; i < m && err < bestErr; i++) if ((Pop(X[i] & sol) & 1) != Y[i]) err++;
        if (err < bestErr) { bestErr = err; bestMask = sol; if (err == 0) break; }
    }
    if (bestErr < m / 2)
        for (int t = 0; t < nTest; t++) pred[t] = Pop(T[t] & bestMask) & 1;
    return pred;
}