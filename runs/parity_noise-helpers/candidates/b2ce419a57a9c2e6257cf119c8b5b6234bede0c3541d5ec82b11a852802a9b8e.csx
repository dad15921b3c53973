int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    if (testSamples == null) return new int[0];
    var preds = new int[testSamples.Length];
    int N = (trainSamples == null || trainParity == null) ? 0 : Math.Min(trainSamples.Length, trainParity.Length);
    int ones = 0;
    for (int i = 0; i < N; i++) ones += trainParity[i] & 1;
    int majority = (N > 0 && ones * 2 > N) ? 1 : 0;

    int nBits = 0;
    for (int i = 0; i < N; i++) if (trainSamples[i] != null) nBits = Math.Max(nBits, trainSamples[i].Length);
    if (N == 0 || nBits == 0 || nBits > 20)
    {
        for (int i = 0; i < preds.Length; i++) preds[i] = majority;
        return preds;
    }

    int Pack(int[] s)
    {
        int v = 0;
        if (s == null) return 0;
        for (int b = 0; b < Math.Min(s.Length, nBits); b++) if ((s[b] & 1) == 1) v |= 1 << b;
        return v;
    }
    int Par(int v)
    {
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        return v & 1;
    }

    var X = new int[N]; var Y = new int[N];
    for (int i = 0; i < N; i++) { X[i] = Pack(trainSamples[i]); Y[i] = trainParity[i] & 1; }

    int M = 1 << nBits;
    var err = new int[M];
    int minErr = int.MaxValue;
    for (int m = 0; m < M; m++)
    {
        int e = 0;
        for (int i = 0; i < N; i++) e += Par(X[i] & m) ^ Y[i];
        err[m] = e;
        if (e < minErr) minErr = e;
    }

    // Adaptive noise estimate + sparsity prior
    double eps = Math.Min(0.45, Math.Max(0.01, (minErr + 1.0) / (N + 2.0)));
    double pBit = 0.3;
    double le = Math.Log(eps), lne = Math.Log(1 - eps);
    double lp = Math.Log(pBit), lnp = Math.Log(1 - pBit);

    var logW = new double[M];
    double maxLog = double.NegativeInfinity;
    for (int m = 0; m < M; m++)
    {
        int k = Par(0) ; k = 0; for (int t = m; t != 0; t &= t - 1) k++;
        double l = k * lp + (nBits - k) * lnp + err[m] * le + (N - err[m]) * lne;
        logW[m] = l;
        if (l > maxLog) maxLog = l;
    }
    var w = new double[M];
    int best = 0;
    for (int m = 0; m < M; m++)
    {
        w[m] = Math.Exp(logW[m] - maxLog);
        if (logW[m] > logW[best]) best = m;
    }

    for (int j = 0; j < preds.Length; j++)
    {
        int x = Pack(testSamples[j]);
        double v1 = 0, v0 = 0;
        for (int m = 0; m < M; m++)
        {
            if (w[m] < 1e-12) continue;
            if (Par(x & m) == 1) v1 += w[m]; else v0 += w[m];
        }
        preds[j] = v1 > v0 ? 1 : (v0 > v1 ? 0 : Par(x & best));
    }
    return preds;
}