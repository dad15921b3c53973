int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int n = trainSamples.Length > 0 ? trainSamples[0].Length
          : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    if (n > 20) n = 20; // keep 2^n tractable
    int size = 1 << n;

    int Pack(int[] s)
    {
        int v = 0;
        for (int b = 0; b < n && b < s.Length; b++) if (s[b] != 0) v |= 1 << b;
        return v;
    }
    int Pop(int v)
    {
        uint u = (uint)v;
        u = u - ((u >> 1) & 0x55555555u);
        u = (u & 0x33333333u) + ((u >> 2) & 0x33333333u);
        u = (u + (u >> 4)) & 0x0F0F0F0Fu;
        return (int)((u * 0x01010101u) >> 24);
    }

    // 1. Signed label histogram
    var f = new double[size];
    for (int i = 0; i < trainSamples.Length; i++)
        f[Pack(trainSamples[i])] += trainParity[i] != 0 ? -1.0 : 1.0;

    // 2. Fast Walsh-Hadamard transform -> correlation of every mask with labels
    for (int len = 1; len < size; len <<= 1)
        for (int i = 0; i < size; i += len << 1)
            for (int j = i; j < i + len; j++)
            {
                double a = f[j], b = f[j + len];
                f[j] = a + b;
                f[j + len] = a - b;
            }

    // 3. Log-posterior with noise likelihood and sparsity prior
    const double eta = 0.05, pTrue = 0.3;
    double halfLLR = 0.5 * Math.Log((1 - eta) / eta);
    double logPrior = Math.Log(pTrue / (1 - pTrue));
    var score = new double[size];
    double maxScore = double.NegativeInfinity;
    for (int m = 0; m < size; m++)
    {
        score[m] = f[m] * halfLLR + Pop(m) * logPrior;
        if (score[m] > maxScore) maxScore = score[m];
    }

    // Keep only masks with non-negligible posterior weight
    var masks = new List<int>();
    var weights = new List<double>();
    for (int m = 0; m < size; m++)
    {
        double d = score[m] - maxScore;
        if (d > -30)
        {
            masks.Add(m);
            weights.Add(Math.Exp(d));
        }
    }

    // 4. Bayesian model averaging for each test sample
    var predictions = new int[testSamples.Length];
    for (int t = 0; t < testSamples.Length; t++)
    {
        int x = Pack(testSamples[t]);
        double vote = 0;
        for (int k = 0; k < masks.Count; k++)
            vote += (Pop(x & masks[k]) & 1) == 1 ? weights[k] : -weights[k];
        predictions[t] = vote > 0 ? 1 : 0;
    }
    return predictions;
}