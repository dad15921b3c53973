int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var pred = new int[nTest];
    int m = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    int nBits = 0;
    for (int i = 0; i < m; i++) if (trainSamples[i] != null) nBits = Math.Max(nBits, trainSamples[i].Length);
    for (int i = 0; i < nTest; i++) if (testSamples[i] != null) nBits = Math.Max(nBits, testSamples[i].Length);

    int ones = 0;
    for (int i = 0; i < m; i++) ones += trainParity[i] & 1;
    int maj = (m > 0 && ones * 2 > m) ? 1 : 0;
    for (int i = 0; i < nTest; i++) pred[i] = maj;
    if (m == 0 || nBits == 0 || nBits > 63 || nTest == 0) return pred;

    long Pack(int[] s) { long v = 0; if (s == null) return 0; for (int b = 0; b < s.Length; b++) if (s[b] != 0) v |= 1L << b; return v; }
    int Par(long v) { v ^= v >> 32; v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1; return (int)(v & 1); }

    var X = new long[m]; var Y = new int[m];
    for (int i = 0; i < m; i++) { X[i] = Pack(trainSamples[i]); Y[i] = trainParity[i] & 1; }
    var T = new long[nTest];
    for (int i = 0; i < nTest; i++) T[i] = Pack(testSamples[i]);

    double eta = 0.05, p = 0.3;
    double errCost = Math.Log((1 - eta) / eta), bitCost = Math.Log((1 - p) / p);

    if (nBits <= 20 && ((long)m << nBits) <= 40_000_000L)
    {
        // Strategy 1: exact Bayesian model averaging over all parity masks
        int nMasks = 1 << nBits;
        var logw = new double[nMasks];
        double best = double.NegativeInfinity;
        for (int mask = 0; mask < nMasks; mask++)
        {
            int err = 0;
            for (int i = 0; i < m; i++) err += Par(X[i] & mask) ^ Y[i];
            int k = 0; for (int t = mask; t != 0; t &= t - 1) k++;
            double lw = -err * errCost - k * bitCost;
            logw[mask] = lw;
            if (lw > best) best = lw;
        }
        for (int mask = 0; mask < nMasks; mask++) logw[mask] = Math.Exp(logw[mask] - best);
        for (int j = 0; j < nTest; j++)
        {
            double w1 = 0, w0 = 0;
            for (int mask = 0; mask < nMasks; mask++)
                if (Par(T[j] & mask) == 1) w1 += logw[mask]; else w0 += logw[mask];
            pred[j] = w1 > w0 ? 1 : 0;
        }
        return pred;
    }

    // Strategy 2: RANSAC-style GF(2) elimination on random row orders
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var rng = new Random(12345);
    long bestMask = 0; double bestScore = double.MaxValue;
    { int e = 0; for (int i = 0; i < m; i++) e += Y[i]; bestScore = e * errCost; }
    var order = Enumerable.Range(0, m).ToArray();
    var ba = new long[nBits]; var bb = new int[nBits]; var has = new bool[nBits];
    while (sw.ElapsedMilliseconds < 50)
    {
        for (int i = m - 1; i > 0; i--) { int r = rng.Next(i + 1); (order[i], order[r]) = (order[r], order[i]); }
        Array.Clear(has, 0, nBits);
        int filled = 0;
        foreach (int idx in order)
        {
            long a = X[idx]; int b = Y[idx];
            for (int c = nBits - 1; c >= 0 && a != 0; c--)
            {
                if (((a >> c) & 1) == 0) continue;
                if (has[c]) { a ^= ba[c]; b ^= bb[c]; }
                else { has[c] = true; ba[c] = a; bb[c] = b; filled++; a = 0; }
            }
            if (filled == nBits) break;
        }
        long sol = 0;
        for (int c = 0; c < nBits; c++)
            if (has[c] && ((Par(ba[c] & sol & ~(1L << c)) ^ bb[c]) == 1)) sol |= 1L << c;
        int err = 0;
        for (int i = 0; i < m; i++) err += Par(X[i] & sol) ^ Y[i];
        int k = 0; for (long t = sol; t != 0; t &= t - 1) k++;
        double score = err * errCost + k * bitCost;
        if (score < bestScore) { bestScore = score; bestMask = sol; }
        if (err == 0) break;
    }
    for (int j = 0; j < nTest; j++) pred[j] = Par(T[j] & bestMask);
    return pred;
}