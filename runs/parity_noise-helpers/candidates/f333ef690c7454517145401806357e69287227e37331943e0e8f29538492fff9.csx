int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int m = trainSamples.Length;
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    if (m == 0) return predictions;

    int nBits = trainSamples[0].Length;

    if (nBits > 24)
    {
        // Fallback: majority label (table would be too large)
        int ones = 0;
        for (int i = 0; i < m; i++) ones += trainParity[i] & 1;
        int maj = ones * 2 > m ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var f = new int[size];

    // 1) Pack bits + signed histogram
    for (int i = 0; i < m; i++)
    {
        int[] s = trainSamples[i];
        int key = 0;
        for (int b = 0; b < nBits; b++) key |= (s[b] & 1) << b;
        f[key] += (trainParity[i] & 1) == 0 ? 1 : -1;
    }

    // 2) In-place Fast Walsh-Hadamard Transform: f[s] = agreements - disagreements for mask s
    for (int h = 1; h < size; h <<= 1)
    {
        for (int i = 0; i < size; i += h << 1)
        {
            int end = i + h;
            for (int j = i; j < end; j++)
            {
                int a = f[j], c = f[j + h];
                f[j] = a + c;
                f[j + h] = a - c;
            }
        }
    }

    // 3) MAP selection: noise-likelihood + sparsity prior (pTrue ~ 0.3)
    const double noiseCost = 2.9444389791664403;  // ln(0.95/0.05)
    const double bitCost = 0.8472978603872037;    // ln(0.7/0.3)
    int best = 0;
    double bestScore = double.NegativeInfinity;
    for (int s = 0; s < size; s++)
    {
        double disagree = (m - f[s]) * 0.5;
        double score = -disagree * noiseCost - System.Numerics.BitOperations.PopCount((uint)s) * bitCost;
        if (score > bestScore)
        {
            bestScore = score;
            best = s;
        }
    }

    // 4) Predict with packed parity
    for (int i = 0; i < nTest; i++)
    {
        int[] s = testSamples[i];
        int key = 0;
        for (int b = 0; b < nBits; b++) key |= (s[b] & 1) << b;
        predictions[i] = System.Numerics.BitOperations.PopCount((uint)(key & best)) & 1;
    }

    return predictions;
}