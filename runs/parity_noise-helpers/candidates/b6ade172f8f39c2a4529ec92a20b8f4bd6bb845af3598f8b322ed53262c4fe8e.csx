int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int nTrain = (trainSamples == null || trainParity == null) ? 0 : Math.Min(trainSamples.Length, trainParity.Length);
    int nBits = 0;
    for (int i = 0; i < nTrain; i++) if (trainSamples[i] != null) nBits = Math.Max(nBits, trainSamples[i].Length);
    for (int i = 0; i < nTest; i++) if (testSamples[i] != null) nBits = Math.Max(nBits, testSamples[i].Length);
    if (nTrain == 0 || nBits == 0) return predictions;

    static int Pack(int[] s, int nb)
    {
        int v = 0;
        if (s == null) return 0;
        for (int b = 0; b < s.Length && b < nb; b++) if ((s[b] & 1) != 0) v |= 1 << b;
        return v;
    }
    static int Par(int v)
    {
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        return v & 1;
    }
    static int Pop(int v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }

    var x = new int[nTrain];
    var y = new int[nTrain];
    for (int i = 0; i < nTrain; i++) { x[i] = Pack(trainSamples[i], 31); y[i] = trainParity[i] & 1; }
    var t = new int[nTest];
    for (int i = 0; i < nTest; i++) t[i] = Pack(testSamples[i], 31);

    const double pTrue = 0.3, eps = 0.05;
    double lp1 = Math.Log(pTrue), lp0 = Math.Log(1 - pTrue);
    double le = Math.Log(eps), lc = Math.Log(1 - eps);

    int Errors(int m)
    {
        int e = 0;
        for (int i = 0; i < nTrain; i++) e += Par(x[i] & m) ^ y[i];
        return e;
    }

    if (nBits <= 22)
    {
        int nMasks = 1 << nBits;
        var logPost = new double[nMasks];
        double best = double.NegativeInfinity;
        for (int m = 0; m < nMasks; m++)
        {
            int e = Errors(m);
            int k = Pop(m);
            double lpst = k * lp1 + (nBits - k) * lp0 + e * le + (nTrain - e) * lc;
            logPost[m] = lpst;
            if (lpst > best) best = lpst;
        }
        // Posterior-weighted vote; ignore masks with negligible weight.
        var vote1 = new double[nTest];
        var vote0 = new double[nTest];
        for (int m = 0; m < nMasks; m++)
        {
            double d = logPost[m] - best;
            if (d < -40) continue;
            double w = Math.Exp(d);
            for (int j = 0; j < nTest; j++)
            {
                if (Par(t[j] & m) == 1) vote1[j] += w; else vote0[j] += w;
            }
        }
        for (int j = 0; j < nTest; j++) predictions[j] = vote1[j] > vote0[j] ? 1 : 0;
        return predictions;
    }

    // Fallback for very wide inputs: greedy bit-flip hill climbing with restarts (MAP mask).
    var rnd = new Random(12345);
    int nb = Math.Min(nBits, 31);
    int bestMask = 0;
    double bestScore = double.NegativeInfinity;
    var sw = System.Diagnostics.Stopwatch.StartNew();
    for (int r = 0; r < 50 && sw.ElapsedMilliseconds < 50; r++)
    {
        int m = 0;
        for (int b = 0; b < nb; b++) if (rnd.NextDouble() < pTrue) m |= 1 << b;
        int k0 = Pop(m), e0 = Errors(m);
        double cur = k0 * lp1 + (nb - k0) * lp0 + e0 * le + (nTrain - e0) * lc;
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int b = 0; b < nb; b++)
            {
                int m2 = m ^ (1 << b);
                int k = Pop(m2), e = Errors(m2);
                double s = k * lp1 + (nb - k) * lp0 + e * le + (nTrain - e) * lc;
                if (s > cur) { cur = s; m = m2; improved = true; }
            }
        }
        if (cur > bestScore) { bestScore = cur; bestMask = m; }
    }
    for (int j = 0; j < nTest; j++) predictions[j] = Par(t[j] & bestMask);
    return predictions;
}