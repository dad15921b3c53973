int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int n = trainSamples.Length, t = testSamples.Length;
    int nBits = n > 0 ? trainSamples[0].Length : (t > 0 ? testSamples[0].Length : 0);
    var preds = new int[t];
    if (n == 0 || nBits == 0) return preds;

    int[] tr = new int[n], te = new int[t];
    for (int i = 0; i < n; i++) { int v = 0; for (int b = 0; b < nBits; b++) if (trainSamples[i][b] != 0) v |= 1 << b; tr[i] = v; }
    for (int i = 0; i < t; i++) { int v = 0; for (int b = 0; b < nBits; b++) if (testSamples[i][b] != 0) v |= 1 << b; te[i] = v; }

    const double noise = 0.05, pTrue = 0.3;
    double errCost = Math.Log((1 - noise) / noise);
    double bitCost = Math.Log(pTrue / (1 - pTrue));

    int Errors(int m)
    {
        int e = 0;
        for (int i = 0; i < n; i++)
            e += ((System.Numerics.BitOperations.PopCount((uint)(tr[i] & m)) & 1) != trainParity[i]) ? 1 : 0;
        return e;
    }
    double Score(int m) => -Errors(m) * errCost + System.Numerics.BitOperations.PopCount((uint)m) * bitCost;

    if (nBits <= 20)
    {
        int total = 1 << nBits;
        var logw = new double[total];
        double best = double.NegativeInfinity;
        for (int m = 0; m < total; m++) { logw[m] = Score(m); if (logw[m] > best) best = logw[m]; }
        var p1 = new double[t]; var p0 = new double[t];
        for (int m = 0; m < total; m++)
        {
            double d = logw[m] - best;
            if (d < -30) continue; // negligible posterior mass
            double w = Math.Exp(d);
            for (int j = 0; j < t; j++)
                if ((System.Numerics.BitOperations.PopCount((uint)(te[j] & m)) & 1) == 1) p1[j] += w; else p0[j] += w;
        }
        for (int j = 0; j < t; j++) preds[j] = p1[j] > p0[j] ? 1 : 0;
        return preds;
    }

    // Fallback for large nBits: greedy hill-climbing on the posterior score.
    int cur = 0; double curS = Score(0);
    bool improved = true;
    while (improved)
    {
        improved = false;
        int bestM = cur; double bestS = curS;
        for (int b = 0; b < nBits && b < 31; b++)
        {
            int m = cur ^ (1 << b); double s = Score(m);
            if (s > bestS) { bestS = s; bestM = m; }
        }
        if (bestM != cur) { cur = bestM; curS = bestS; improved = true; }
    }
    for (int j = 0; j < t; j++) preds[j] = System.Numerics.BitOperations.PopCount((uint)(te[j] & cur)) & 1;
    return preds;
}