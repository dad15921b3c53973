int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length : testSamples[0].Length;
    if (nBits > 20) nBits = 20; // safety cap for brute force

    static int Pack(int[] s, int nb)
    {
        int v = 0;
        for (int b = 0; b < nb && b < s.Length; b++)
            if (s[b] != 0) v |= 1 << b;
        return v;
    }

    static int Parity(int x)
    {
        x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
        return x & 1;
    }

    int nTrain = trainSamples.Length;
    var train = new int[nTrain];
    for (int i = 0; i < nTrain; i++) train[i] = Pack(trainSamples[i], nBits);
    var test = new int[nTest];
    for (int i = 0; i < nTest; i++) test[i] = Pack(testSamples[i], nBits);

    const double eps = 0.05, pTrue = 0.3;
    double costError = Math.Log((1 - eps) / eps);   // ~2.944 per mismatched label
    double costBit = Math.Log((1 - pTrue) / pTrue); // ~0.847 per active bit (sparsity prior)

    int nMasks = 1 << nBits;
    var score = new double[nMasks];
    double best = double.MaxValue;

    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            if (Parity(train[i] & m) != trainParity[i]) errors++;

        int weight = 0;
        for (int t = m; t != 0; t &= t - 1) weight++;

        double s = errors * costError + weight * costBit; // negative log-posterior (up to const)
        score[m] = s;
        if (s < best) best = s;
    }

    // Posterior weights (normalized by best for numerical stability); skip negligible masks.
    var w = new double[nMasks];
    for (int m = 0; m < nMasks; m++)
    {
        double d = score[m] - best;
        w[m] = d > 40 ? 0.0 : Math.Exp(-d);
    }

    // Bayes-optimal prediction: posterior-weighted vote over all masks.
    for (int j = 0; j < nTest; j++)
    {
        double vote1 = 0, vote0 = 0;
        int x = test[j];
        for (int m = 0; m < nMasks; m++)
        {
            double wm = w[m];
            if (wm == 0.0) continue;
            if (Parity(x & m) == 1) vote1 += wm; else vote0 += wm;
        }
        predictions[j] = vote1 > vote0 ? 1 : 0;
    }

    return predictions;
}