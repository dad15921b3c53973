int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int t = testSamples?.Length ?? 0;
    var preds = new int[t];
    if (t == 0) return preds;
    int m = Math.Min(trainSamples?.Length ?? 0, trainParity?.Length ?? 0);
    int n = 0;
    for (int i = 0; i < m; i++) if (trainSamples[i] != null) n = Math.Max(n, trainSamples[i].Length);
    ulong Pack(int[] s) { ulong v = 0; if (s != null) for (int j = 0; j < s.Length && j < 64; j++) if ((s[j] & 1) == 1) v |= 1UL << j; return v; }
    int Par(ulong x) => System.Numerics.BitOperations.PopCount(x) & 1;
    int ones = 0; for (int i = 0; i < m; i++) ones += trainParity[i] & 1;
    int majority = 2 * ones > m ? 1 : 0;
    if (m == 0 || n == 0 || n > 64) { for (int i = 0; i < t; i++) preds[i] = majority; return preds; }
    var X = new ulong[m]; var y = new int[m]; var T = new ulong[t];
    for (int i = 0; i < m; i++) { X[i] = Pack(trainSamples[i]); y[i] = trainParity[i] & 1; }
    for (int i = 0; i < t; i++) T[i] = Pack(testSamples[i]);
    int Err(ulong mask) { int e = 0; for (int i = 0; i < m; i++) e += Par(X[i] & mask) ^ y[i]; return e; }
    double le = Math.Log(0.05), lc = Math.Log(0.95), lp = Math.Log(0.3), lq = Math.Log(0.7);
    if (n <= 16)
    {
        int M = 1 << n; var lw = new double[M]; double best = double.NegativeInfinity;
        for (int mk = 0; mk < M; mk++)
        {
            int e = Err((ulong)mk), k = System.Numerics.BitOperations.PopCount((uint)mk);
            lw[mk] = e * le + (m - e) * lc + k * lp + (n - k) * lq;
            if (lw[mk] > best) best = lw[mk];
        }
        var s1 = new double[t]; double tot = 0;
        for (int mk = 0; mk < M; mk++)
        {
            double w = Math.Exp(lw[mk] - best);
            if (w < 1e-12) continue;
            tot += w;
            for (int i = 0; i < t; i++) if (Par(T[i] & (ulong)mk) == 1) s1[i] += w;
        }
        for (int i = 0; i < t; i++) preds[i] = s1[i] * 2 > tot ? 1 : 0;
        return preds;
    }
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var rnd = new Random(12345);
    var idx = Enumerable.Range(0, m).ToArray();
    ulong bestMask = 0; int bestErr = Err(0);
    var basis = new ulong[n]; var rb = new int[n]; var has = new bool[n];
    while (sw.Elapsed.TotalMilliseconds < 50)
    {
        for (int i = m - 1; i > 0; i--) { int j = rnd.Next(i + 1); (idx[i], idx[j]) = (idx[j], idx[i]); }
        Array.Clear(has, 0, n); int cnt = 0;
        foreach (int r in idx)
        {
            ulong v = X[r]; int b = y[r];
            for (int c = 0; c < n; c++)
            {
                if (((v >> c) & 1) == 0) continue;
                if (has[c]) { v ^= basis[c]; b ^= rb[c]; }
                else { basis[c] = v; rb[c] = b; has[c] = true; cnt++; break; }
            }
            if (cnt == n) break;
        }
        ulong s = 0;
        for (int c = n - 1; c >= 0; c--)
            if (has[c] && (rb[c] ^ Par(basis[c] & s)) == 1) s |= 1UL << c;
        int e = Err(s);
        if (e < bestErr) { bestErr = e; bestMask = s; if (e == 0) break; }
    }
    bool improved = true;
    while (improved && sw.Elapsed.TotalMilliseconds < 80)
    {
        improved = false;
        for (int c = 0; c < n; c++)
        {
            ulong cand = bestMask ^ (1UL << c); int e = Err(cand);
            if (e < bestErr) { bestErr = e; bestMask = cand; improved = true; }
        }
    }
    for (int i = 0; i < t; i++) preds[i] = Par(T[i] & bestMask);
    return preds;
}