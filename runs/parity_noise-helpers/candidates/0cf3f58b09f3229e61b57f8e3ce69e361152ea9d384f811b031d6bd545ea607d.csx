int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    static int Pack(int[] s) { int v = 0; for (int b = 0; b < s.Length; b++) if (s[b] != 0) v |= 1 << b; return v; }
    static int Par(int x) { x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1; return x & 1; }
    static int Pop(int x) { int c = 0; while (x != 0) { x &= x - 1; c++; } return c; }

    var predictions = new int[testSamples.Length];
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length
              : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    if (nBits == 0 || nBits > 20) return predictions;

    int nTrain = trainSamples.Length, nTest = testSamples.Length;
    var tr = new int[nTrain];
    for (int i = 0; i < nTrain; i++) tr[i] = Pack(trainSamples[i]);
    var te = new int[nTest];
    for (int i = 0; i < nTest; i++) te[i] = Pack(testSamples[i]);

    const double noise = 0.05, pTrue = 0.3;
    double errW = Math.Log((1 - noise) / noise);   // cost per training disagreement
    double bitW = Math.Log((1 - pTrue) / pTrue);   // cost per active bit (sparsity prior)

    int nMasks = 1 << nBits;
    var cost = new double[nMasks];
    double minCost = double.MaxValue;
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            if (Par(tr[i] & m) != (trainParity[i] & 1)) errors++;
        double c = errors * errW + Pop(m) * bitW;
        cost[m] = c;
        if (c < minCost) minCost = c;
    }

    // Posterior-weighted vote over all masks (Bayes-optimal prediction)
    var vote1 = new double[nTest];
    var total = 0.0;
    for (int m = 0; m < nMasks; m++)
    {
        double w = Math.Exp(minCost - cost[m]);
        if (w < 1e-12) continue;
        total += w;
        for (int j = 0; j < nTest; j++)
            if (Par(te[j] & m) == 1) vote1[j] += w;
    }
    for (int j = 0; j < nTest; j++)
        predictions[j] = vote1[j] * 2 > total ? 1 : 0;

    return predictions;
}