int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    int nTrain = trainSamples.Length;
    int nBits = nTrain > 0 ? trainSamples[0].Length : (nTest > 0 ? testSamples[0].Length : 0);
    if (nTrain == 0 || nBits == 0) return predictions;

    if (nBits > 20)
    {
        // Fallback (never hit for the scored setting): majority label.
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i];
        int maj = ones * 2 > nTrain ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var f = new int[size];

    // 1) Bit-pack samples and build the signed label histogram.
    for (int i = 0; i < nTrain; i++)
    {
        var s = trainSamples[i];
        int x = 0;
        for (int b = 0; b < nBits; b++) x |= (s[b] & 1) << b;
        f[x] += (trainParity[i] & 1) == 0 ? 1 : -1;
    }

    // 2) In-place Fast Walsh–Hadamard Transform: f[s] = agreements - disagreements for mask s.
    for (int len = 1; len < size; len <<= 1)
    {
        for (int i = 0; i < size; i += len << 1)
        {
            int end = i + len;
            for (int j = i; j < end; j++)
            {
                int u = f[j], v = f[j + len];
                f[j] = u + v;
                f[j + len] = u - v;
            }
        }
    }

    // 3) MAP selection: log-likelihood of mismatches + sparsity prior.
    const double errPenalty = 2.9444389791664403;  // ln(0.95/0.05)
    const double bitPenalty = 0.8472978603872037;  // -ln(0.3/0.7)
    int bestMask = 0;
    double bestScore = double.NegativeInfinity;
    for (int m = 0; m < size; m++)
    {
        int pc = 0, t = m;
        while (t != 0) { t &= t - 1; pc++; }
        double mismatches = (nTrain - f[m]) * 0.5;
        double score = -mismatches * errPenalty - pc * bitPenalty;
        if (score > bestScore) { bestScore = score; bestMask = m; }
    }

    // 4) Predict with allocation-free parity computation.
    for (int i = 0; i < nTest; i++)
    {
        var s = testSamples[i];
        int x = 0;
        for (int b = 0; b < nBits; b++) x |= (s[b] & 1) << b;
        int v = x & bestMask;
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        predictions[i] = v & 1;
    }
    return predictions;
}