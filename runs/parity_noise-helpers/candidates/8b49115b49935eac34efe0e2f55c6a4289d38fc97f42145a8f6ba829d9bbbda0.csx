int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    int n = trainSamples.Length;
    int nBits = n > 0 ? trainSamples[0].Length : (testSamples.Length > 0 ? testSamples[0].Length : 0);

    int Pack(int[] s)
    {
        int v = 0;
        for (int b = 0; b < s.Length && b < 31; b++) if (s[b] != 0) v |= 1 << b;
        return v;
    }
    int Parity(int v)
    {
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        return v & 1;
    }
    int PopCount(int v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }

    // Fallback for degenerate or very large inputs: majority label.
    if (n == 0 || nBits == 0 || nBits > 16)
    {
        int ones = 0;
        for (int i = 0; i < n; i++) ones += trainParity[i] & 1;
        int maj = 2 * ones > n ? 1 : 0;
        for (int i = 0; i < predictions.Length; i++) predictions[i] = maj;
        return predictions;
    }

    var xs = new int[n];
    var ys = new int[n];
    for (int i = 0; i < n; i++) { xs[i] = Pack(trainSamples[i]); ys[i] = trainParity[i] & 1; }

    // MAP weights: label noise 0.05, prior P(bit in mask) = 0.3
    double wMismatch = Math.Log(0.95 / 0.05);   // ~2.944
    double wBit = Math.Log(0.7 / 0.3);          // ~0.847

    int total = 1 << nBits;
    int bestMask = 0;
    double bestScore = double.MaxValue;
    for (int m = 0; m < total; m++)
    {
        double prior = PopCount(m) * wBit;
        // Early cutoff: stop counting once this mask can no longer win.
        int limit = (int)Math.Ceiling((bestScore - prior) / wMismatch);
        int mism = 0;
        for (int i = 0; i < n; i++)
        {
            if (Parity(xs[i] & m) != ys[i])
            {
                if (++mism > limit) break;
            }
        }
        double score = mism * wMismatch + prior;
        if (score < bestScore)
        {
            bestScore = score;
            bestMask = m;
        }
    }

    for (int i = 0; i < testSamples.Length; i++)
        predictions[i] = Parity(Pack(testSamples[i]) & bestMask);
    return predictions;
}