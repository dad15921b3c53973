int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int n = trainSamples.Length, m = testSamples.Length;
    var result = new int[m];
    if (m == 0) return result;
    int d = n > 0 ? trainSamples[0].Length : testSamples[0].Length;
    if (n == 0 || d == 0)
    {
        int ones = 0;
        for (int i = 0; i < n; i++) ones += trainParity[i] & 1;
        int guess = ones * 2 > n ? 1 : 0;
        for (int j = 0; j < m; j++) result[j] = guess;
        return result;
    }

    int nw = (n + 63) >> 6, mw = (m + 63) >> 6;
    var colTr = new ulong[d * nw];
    var colTe = new ulong[d * mw];
    var y = new ulong[nw];

    // Bit-slice the training data by column.
    for (int i = 0; i < n; i++)
    {
        var row = trainSamples[i];
        int w = i >> 6; ulong bit = 1UL << (i & 63);
        if ((trainParity[i] & 1) != 0) y[w] |= bit;
        for (int b = 0; b < d; b++) if (row[b] != 0) colTr[b * nw + w] |= bit;
    }
    for (int j = 0; j < m; j++)
    {
        var row = testSamples[j];
        int w = j >> 6; ulong bit = 1UL << (j & 63);
        for (int b = 0; b < d; b++) if (row[b] != 0) colTe[b * mw + w] |= bit;
    }

    double errCost = Math.Log(0.95 / 0.05);  // log-likelihood penalty per mismatch
    double wCost = Math.Log(0.7 / 0.3);      // log-prior penalty per active mask bit

    if (d <= 20)
    {
        int total = 1 << d;
        var score = new double[total];
        var p = new ulong[nw];
        double best = double.MaxValue;
        int mask = 0, weight = 0;

        // Pass 1: Gray-code scan; each step toggles one column into the parity vector.
        for (int g = 0; g < total; g++)
        {
            if (g > 0)
            {
                int b = System.Numerics.BitOperations.TrailingZeroCount(g);
                mask ^= 1 << b;
                weight += ((mask >> b) & 1) != 0 ? 1 : -1;
                int off = b * nw;
                for (int w = 0; w < nw; w++) p[w] ^= colTr[off + w];
            }
            int err = 0;
            for (int w = 0; w < nw; w++) err += System.Numerics.BitOperations.PopCount(p[w] ^ y[w]);
            double s = err * errCost + weight * wCost;
            score[g] = s;
            if (s < best) best = s;
        }

        // Pass 2: posterior-weighted vote on test parities, same Gray-code order.
        var t = new ulong[mw];
        var vote = new double[m];
        double totalW = 0;
        for (int g = 0; g < total; g++)
        {
            if (g > 0)
            {
                int off = System.Numerics.BitOperations.TrailingZeroCount(g) * mw;
                for (int w = 0; w < mw; w++) t[w] ^= colTe[off + w];
            }
            double diff = score[g] - best;
            if (diff > 40) continue; // negligible weight
            double wt = Math.Exp(-diff);
            totalW += wt;
            for (int w = 0; w < mw; w++)
            {
                ulong x = t[w];
                int baseIdx = w << 6;
                while (x != 0)
                {
                    vote[baseIdx + System.Numerics.BitOperations.TrailingZeroCount(x)] += wt;
                    x &= x - 1;
                }
            }
        }
        for (int j = 0; j < m; j++) result[j] = vote[j] * 2 > totalW ? 1 : 0;
        return result;
    }

    // Fallback for large d: greedy hill-climbing on the MAP score using the same bitsets.
    {
        var p = new ulong[nw];
        var tmp = new ulong[nw];
        var on = new bool[d];
        int weight = 0, err = 0;
        for (int w = 0; w < nw; w++) err += System.Numerics.BitOperations.PopCount(p[w] ^ y[w]);
        double cur = err * errCost;
        while (true)
        {
            int bestB = -1; double bestS = cur;
            for (int b = 0; b < d; b++)
            {
                int e = 0, off = b * nw;
                for (int w = 0; w < nw; w++) e += System.Numerics.BitOperations.PopCount(p[w] ^ colTr[off + w] ^ y[w]);
                double s = e * errCost + (weight + (on[b] ? -1 : 1)) * wCost;
                if (s < bestS - 1e-9) { bestS = s; bestB = b; }
            }
            if (bestB < 0) break;
            on[bestB] = !on[bestB];
            weight += on[bestB] ? 1 : -1;
            for (int w = 0; w < nw; w++) p[w] ^= colTr[bestB * nw + w];
            cur = bestS;
        }
        var t = new ulong[mw];
        for (int b = 0; b < d; b++)
            if (on[b]) for (int w = 0; w < mw; w++) t[w] ^= colTe[b * mw + w];
        for (int j = 0; j < m; j++) result[j] = (int)((t[j >> 6] >> (j & 63)) & 1UL);
        return result;
    }
}