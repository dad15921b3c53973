int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples?.Length ?? 0;
    var pred = new int[nTest];
    if (nTest == 0) return pred;
    int n = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    int d = 0;
    for (int i = 0; i < n; i++) d = Math.Max(d, trainSamples[i]?.Length ?? 0);
    foreach (var t in testSamples) d = Math.Max(d, t?.Length ?? 0);
    int ones = 0;
    for (int i = 0; i < n; i++) ones += trainParity[i] & 1;
    int maj = 2 * ones > n ? 1 : 0;
    if (n == 0 || d == 0 || d > 64) { Array.Fill(pred, maj); return pred; }

    ulong Pack(int[] s) { ulong m = 0; if (s != null) for (int j = 0; j < s.Length && j < 64; j++) if ((s[j] & 1) != 0) m |= 1UL << j; return m; }
    int Par(ulong v) => System.Numerics.BitOperations.PopCount(v) & 1;
    var X = new ulong[n]; var y = new int[n];
    for (int i = 0; i < n; i++) { X[i] = Pack(trainSamples[i]); y[i] = trainParity[i] & 1; }
    var T = new ulong[nTest];
    for (int i = 0; i < nTest; i++) T[i] = Pack(testSamples[i]);

    // 1) Candidate generation (adaptive)
    var cands = new List<ulong>();
    if (d <= 16) { for (ulong m = 0; m < (1UL << d); m++) cands.Add(m); }
    else
    {
        var set = new HashSet<ulong>(); var rng = new Random(12345);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        int sub = Math.Min(n, d + 4); var idx = Enumerable.Range(0, n).ToArray();
        var rows = new ulong[sub]; var rhs = new int[sub]; var pc = new int[sub];
        while (sw.ElapsedMilliseconds < 40 && set.Count < 4000)
        {
            for (int i = 0; i < sub; i++) { int k = rng.Next(i, n); (idx[i], idx[k]) = (idx[k], idx[i]); rows[i] = X[idx[i]]; rhs[i] = y[idx[i]]; }
            int r = 0;
            for (int c = 0; c < d && r < sub; c++)
            {
                ulong bit = 1UL << c; int p = -1;
                for (int i = r; i < sub; i++) if ((rows[i] & bit) != 0) { p = i; break; }
                if (p < 0) continue;
                (rows[p], rows[r]) = (rows[r], rows[p]); (rhs[p], rhs[r]) = (rhs[r], rhs[p]);
                for (int i = 0; i < sub; i++) if (i != r && (rows[i] & bit) != 0) { rows[i] ^= rows[r]; rhs[i] ^= rhs[r]; }
                pc[r++] = c;
            }
            ulong x = 0;
            for (int i = 0; i < r; i++) if (rhs[i] != 0) x |= 1UL << pc[i];
            set.Add(x);
        }
        set.Add(0); cands.AddRange(set);
    }
    if (cands.Count == 0) { Array.Fill(pred, maj); return pred; }

    // 2) Log-posterior score per mask
    double lErr = Math.Log(19.0), lBit = Math.Log(7.0 / 3.0);
    var score = new double[cands.Count]; double best = double.NegativeInfinity; int bi = 0;
    for (int c = 0; c < cands.Count; c++)
    {
        ulong m = cands[c]; int err = 0;
        for (int i = 0; i < n; i++) err += Par(X[i] & m) ^ y[i];
        score[c] = -err * lErr - System.Numerics.BitOperations.PopCount(m) * lBit;
        if (score[c] > best) { best = score[c]; bi = c; }
    }

    // 3) Posterior-weighted vote, with the MAP mask as tie-breaker
    for (int t = 0; t < nTest; t++)
    {
        double w1 = 0, w0 = 0;
        for (int c = 0; c < cands.Count; c++)
        {
            double w = Math.Exp(score[c] - best);
            if (w < 1e-12) continue;
            if (Par(T[t] & cands[c]) == 1) w1 += w; else w0 += w;
        }
        pred[t] = Math.Abs(w1 - w0) < 1e-9 * (w1 + w0) ? Par(T[t] & cands[bi]) : (w1 > w0 ? 1 : 0);
    }
    return pred;
}