int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    int N = trainSamples.Length;
    if (nTest == 0) return predictions;
    int nBits = N > 0 ? trainSamples[0].Length : testSamples[0].Length;

    // Fallback: majority label (only if dimension too large for the transform)
    if (N == 0 || nBits > 22)
    {
        int ones = 0;
        for (int i = 0; i < N; i++) ones += trainParity[i] & 1;
        int maj = ones * 2 > N ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var W = new double[size];

    // Build signed histogram: f[x] += (-1)^label
    for (int i = 0; i < N; i++)
    {
        int x = 0;
        var s = trainSamples[i];
        for (int b = 0; b < nBits; b++) if (s[b] != 0) x |= 1 << b;
        W[x] += (trainParity[i] & 1) == 0 ? 1.0 : -1.0;
    }

    // In-place Fast Walsh-Hadamard Transform: W[s] = agreements - disagreements
    for (int len = 1; len < size; len <<= 1)
        for (int i = 0; i < size; i += len << 1)
            for (int j = i; j < i + len; j++)
            {
                double a = W[j], c = W[j + len];
                W[j] = a + c;
                W[j + len] = a - c;
            }

    // MAP selection: noise 0.05, prior P(bit in mask) = 0.3
    double noisePenalty = Math.Log(0.95 / 0.05);
    double bitPenalty = Math.Log(0.7 / 0.3);
    int best = 0;
    double bestScore = double.NegativeInfinity;
    for (int m = 0; m < size; m++)
    {
        int pc = 0;
        for (int t = m; t != 0; t &= t - 1) pc++;
        double mismatches = (N - W[m]) * 0.5;
        double score = -mismatches * noisePenalty - pc * bitPenalty;
        if (score > bestScore) { bestScore = score; best = m; }
    }

    // Predict with the recovered parity mask
    for (int i = 0; i < nTest; i++)
    {
        var s = testSamples[i];
        int p = 0;
        for (int b = 0; b < nBits && b < s.Length; b++)
            if (((best >> b) & 1) != 0 && s[b] != 0) p ^= 1;
        predictions[i] = p;
    }
    return predictions;
}