int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var random = new Random();
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    int nTrain = trainSamples.Length;
    var predictions = new int[testSamples.Length];
    if (nBits == 0 || nTrain == 0)
    {
        for (var i = 0; i < predictions.Length; i++) predictions[i] = random.NextDouble() < 0.5 ? 1 : 0;
        return predictions;
    }

    int[] Pack(int[][] s)
    {
        var r = new int[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            int v = 0;
            for (int b = 0; b < nBits; b++) if (s[i][b] != 0) v |= 1 << b;
            r[i] = v;
        }
        return r;
    }
    int Par(int x) { x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1; return x & 1; }
    int Pop(int x) { int c = 0; while (x != 0) { x &= x - 1; c++; } return c; }

    var tr = Pack(trainSamples);
    var te = Pack(testSamples);
    int Errors(int m) { int e = 0; for (int i = 0; i < nTrain; i++) if (Par(tr[i] & m) != trainParity[i]) e++; return e; }

    double noiseRatio = 0.05 / 0.95, priorRatio = 0.3 / 0.7;

    if (nBits <= 20)
    {
        int nMasks = 1 << nBits;
        var errs = new int[nMasks];
        int minErr = int.MaxValue;
        for (int m = 0; m < nMasks; m++) { errs[m] = Errors(m); if (errs[m] < minErr) minErr = errs[m]; }

        // Precompute powers for the weights
        var noisePow = new double[nTrain + 1];
        noisePow[0] = 1.0;
        for (int k = 1; k <= nTrain; k++) noisePow[k] = noisePow[k - 1] * noiseRatio;
        var priorPow = new double[nBits + 1];
        priorPow[0] = 1.0;
        for (int k = 1; k <= nBits; k++) priorPow[k] = priorPow[k - 1] * priorRatio;

        var vote1 = new double[te.Length];
        var vote0 = new double[te.Length];
        for (int m = 0; m < nMasks; m++)
        {
            int d = errs[m] - minErr;
            if (d > 40) continue; // negligible weight
            double w = noisePow[d] * priorPow[Pop(m)];
            for (int t = 0; t < te.Length; t++)
            {
                if (Par(te[t] & m) == 1) vote1[t] += w; else vote0[t] += w;
            }
        }
        for (int t = 0; t < te.Length; t++) predictions[t] = vote1[t] > vote0[t] ? 1 : 0;
        return predictions;
    }

    // Fallback: randomized local search with restarts (bit-flip hill climbing)
    int best = 0, bestErr = Errors(0);
    for (int restart = 0; restart < 20; restart++)
    {
        int cur = 0;
        for (int b = 0; b < nBits && b < 31; b++) if (random.NextDouble() < 0.3) cur |= 1 << b;
        int curErr = Errors(cur);
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int b = 0; b < nBits && b < 31; b++)
            {
                int cand = cur ^ (1 << b);
                int e = Errors(cand);
                if (e < curErr) { cur = cand; curErr = e; improved = true; }
            }
        }
        if (curErr < bestErr) { best = cur; bestErr = curErr; }
    }
    for (int t = 0; t < te.Length; t++) predictions[t] = Par(te[t] & best);
    return predictions;
}