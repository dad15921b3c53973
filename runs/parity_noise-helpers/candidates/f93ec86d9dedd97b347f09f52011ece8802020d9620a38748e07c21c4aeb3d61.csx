int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    int nTrain = trainSamples.Length;
    var predictions = new int[testSamples.Length];

    int Pack(int[] s)
    {
        int v = 0;
        for (int b = 0; b < s.Length && b < 31; b++) if (s[b] != 0) v |= 1 << b;
        return v;
    }
    int Par(int x)
    {
        x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
        return x & 1;
    }
    int Pop(int x)
    {
        int c = 0;
        while (x != 0) { x &= x - 1; c++; }
        return c;
    }

    var xs = new int[nTrain];
    for (int i = 0; i < nTrain; i++) xs[i] = Pack(trainSamples[i]);

    if (nBits > 20)
    {
        // Fallback: per-bit majority correlation (cheap heuristic).
        int m = 0;
        for (int b = 0; b < Math.Min(nBits, 31); b++)
        {
            int agree = 0;
            for (int i = 0; i < nTrain; i++) if (((xs[i] >> b) & 1) == trainParity[i]) agree++;
            if (agree > nTrain / 2) m |= 1 << b;
        }
        for (int t = 0; t < testSamples.Length; t++) predictions[t] = Par(Pack(testSamples[t]) & m);
        return predictions;
    }

    // MAP weights: noise eps = 0.05, prior p(bit in mask) = 0.3
    double errW = Math.Log(0.95 / 0.05);  // ~2.944
    double bitW = Math.Log(0.7 / 0.3);    // ~0.847

    int total = 1 << nBits;
    int bestMask = 0;
    double bestScore = double.MaxValue;
    for (int mask = 0; mask < total; mask++)
    {
        double score = Pop(mask) * bitW;
        if (score >= bestScore) continue;
        int errors = 0;
        bool pruned = false;
        for (int i = 0; i < nTrain; i++)
        {
            if (Par(xs[i] & mask) != trainParity[i])
            {
                errors++;
                if (score + errors * errW >= bestScore) { pruned = true; break; }
            }
        }
        if (pruned) continue;
        score += errors * errW;
        if (score < bestScore) { bestScore = score; bestMask = mask; }
    }

    for (int t = 0; t < testSamples.Length; t++)
        predictions[t] = Par(Pack(testSamples[t]) & bestMask);
    return predictions;
}