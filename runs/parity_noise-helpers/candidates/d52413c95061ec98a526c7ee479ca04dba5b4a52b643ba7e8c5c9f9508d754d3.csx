int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var preds = new int[nTest];
    if (nTest == 0) return preds;
    try
    {
        int nTrain = (trainSamples == null || trainParity == null) ? 0 : Math.Min(trainSamples.Length, trainParity.Length);
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i] & 1;
        int majority = 2 * ones > nTrain ? 1 : 0;
        for (int i = 0; i < nTest; i++) preds[i] = majority;

        int nBits = testSamples[0].Length;
        if (nTrain == 0 || nBits == 0 || nBits > 62) return preds;

        Func<int[], long> pack = s => { long v = 0; for (int b = 0; b < Math.Min(s.Length, nBits); b++) if (s[b] != 0) v |= 1L << b; return v; };
        Func<long, int> par = x => System.Numerics.BitOperations.PopCount((ulong)x) & 1;
        var X = new long[nTrain]; var Y = new int[nTrain];
        for (int i = 0; i < nTrain; i++) { X[i] = pack(trainSamples[i]); Y[i] = trainParity[i] & 1; }
        var T = new long[nTest];
        for (int i = 0; i < nTest; i++) T[i] = pack(testSamples[i]);

        if (nBits <= 16)
        {
            // Exact Bayesian model averaging over all masks
            double lp1 = Math.Log(0.3), lp0 = Math.Log(0.7), lOk = Math.Log(0.95), lBad = Math.Log(0.05);
            int M = 1 << nBits;
            var logPost = new double[M];
            double best = double.NegativeInfinity;
            for (int m = 0; m < M; m++)
            {
                int d = 0;
                for (int i = 0; i < nTrain; i++) d += par(X[i] & m) ^ Y[i];
                int k = System.Numerics.BitOperations.PopCount((uint)m);
                double lp = k * lp1 + (nBits - k) * lp0 + (nTrain - d) * lOk + d * lBad;
                logPost[m] = lp;
                if (lp > best) best = lp;
            }
            var cand = new List<(long mask, double w)>();
            for (int m = 0; m < M; m++)
                if (logPost[m] > best - 40) cand.Add((m, Math.Exp(logPost[m] - best)));
            for (int t = 0; t < nTest; t++)
            {
                double w1 = 0, w0 = 0;
                foreach (var c in cand) { if (par(T[t] & c.mask) == 1) w1 += c.w; else w0 += c.w; }
                preds[t] = w1 > w0 ? 1 : 0;
            }
            return preds;
        }

        // RANSAC Gaussian elimination for wide inputs
        var rnd = new Random(12345);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        long bestMask = 0; int bestErr = int.MaxValue;
        int sub = Math.Min(nTrain, nBits + 8);
        var idx = Enumerable.Range(0, nTrain).ToArray();
        while (sw.ElapsedMilliseconds < 50)
        {
            for (int i = 0; i < sub; i++) { int j = rnd.Next(i, nTrain); (idx[i], idx[j]) = (idx[j], idx[i]); }
            var rows = new long[sub];
            for (int i = 0; i < sub; i++) rows[i] = X[idx[i]] | ((long)Y[idx[i]] << nBits);
            var piv = new int[nBits]; int r = 0;
            for (int col = 0; col < nBits && r < sub; col++)
            {
                int p = -1;
                for (int i = r; i < sub; i++) if (((rows[i] >> col) & 1) != 0) { p = i; break; }
                if (p < 0) continue;
                (rows[r], rows[p]) = (rows[p], rows[r]);
                for (int i = 0; i < sub; i++) if (i != r && ((rows[i] >> col) & 1) != 0) rows[i] ^= rows[r];
                piv[r++] = col;
            }
            long mask = 0;
            for (int i = 0; i < r; i++) if (((rows[i] >> nBits) & 1) != 0) mask |= 1L << piv[i];
            int err = 0;
            for (int i = 0; i < nTrain; i++) err += par(X[i] & mask) ^ Y[i];
            if (err < bestErr) { bestErr = err; bestMask = mask; if (err == 0) break; }
        }
        if (bestErr < nTrain - Math.Max(ones, nTrain - ones))
            for (int t = 0; t < nTest; t++) preds[t] = par(T[t] & bestMask);
        return preds;
    }
    catch
    {
        return preds;
    }
}