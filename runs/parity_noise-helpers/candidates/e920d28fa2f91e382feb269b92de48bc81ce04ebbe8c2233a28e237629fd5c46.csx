int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    if (testSamples.Length == 0) return predictions;

    int nBits = testSamples[0].Length;
    if (trainSamples.Length == 0 || nBits == 0 || nBits > 20)
    {
        // Fallback: majority label
        int ones = 0;
        for (int i = 0; i < trainParity.Length; i++) ones += trainParity[i];
        int maj = 2 * ones > trainParity.Length ? 1 : 0;
        for (int i = 0; i < predictions.Length; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var table = new double[size];

    // 1. Signed histogram of training data: +1 for label 0, -1 for label 1.
    for (int s = 0; s < trainSamples.Length; s++)
    {
        var sample = trainSamples[s];
        int x = 0;
        for (int b = 0; b < nBits; b++)
            if (sample[b] != 0) x |= 1 << b;
        table[x] += trainParity[s] == 0 ? 1.0 : -1.0;
    }

    // 2. In-place Fast Walsh-Hadamard Transform:
    //    table[mask] = sum_x (-1)^(label(x) + parity(mask & x)) = agreements - disagreements.
    for (int len = 1; len < size; len <<= 1)
    {
        for (int i = 0; i < size; i += len << 1)
        {
            for (int j = i; j < i + len; j++)
            {
                double u = table[j];
                double v = table[j + len];
                table[j] = u + v;
                table[j + len] = u - v;
            }
        }
    }

    // 3. MAP selection: likelihood (noise 5%) + prior (each bit in mask w.p. 0.3).
    const double halfLogLikelihoodRatio = 0.5 * 2.9444389791664403; // 0.5 * ln(0.95/0.05)
    const double logPriorRatio = -0.8472978603872037;               // ln(0.3/0.7)
    int bestMask = 0;
    double bestScore = double.NegativeInfinity;
    for (int mask = 0; mask < size; mask++)
    {
        int w = 0;
        for (int m = mask; m != 0; m &= m - 1) w++;
        double score = table[mask] * halfLogLikelihoodRatio + w * logPriorRatio;
        if (score > bestScore)
        {
            bestScore = score;
            bestMask = mask;
        }
    }

    // 4. Predict with the recovered parity mask.
    for (int t = 0; t < testSamples.Length; t++)
    {
        var sample = testSamples[t];
        int p = 0;
        for (int b = 0; b < nBits && b < sample.Length; b++)
            if (((bestMask >> b) & 1) != 0 && sample[b] != 0) p ^= 1;
        predictions[t] = p;
    }
    return predictions;
}