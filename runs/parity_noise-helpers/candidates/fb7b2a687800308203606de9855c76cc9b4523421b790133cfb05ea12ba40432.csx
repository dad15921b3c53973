int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length
              : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    if (nBits > 20) nBits = 20; // safety: keep the search tractable
    int nMasks = 1 << nBits;
    int nTrain = trainSamples.Length;
    int nTest = testSamples.Length;

    // Pack the samples into bit masks
    var trainX = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        int v = 0;
        var s = trainSamples[i];
        for (int b = 0; b < nBits; b++) if (s[b] != 0) v |= 1 << b;
        trainX[i] = v;
    }
    var testX = new int[nTest];
    for (int i = 0; i < nTest; i++)
    {
        int v = 0;
        var s = testSamples[i];
        for (int b = 0; b < nBits; b++) if (s[b] != 0) v |= 1 << b;
        testX[i] = v;
    }

    static int Parity(int x)
    {
        x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
        return x & 1;
    }

    const double eta = 0.05, pTrue = 0.3;
    double logErr = Math.Log(eta), logOk = Math.Log(1 - eta);
    double logP1 = Math.Log(pTrue), logP0 = Math.Log(1 - pTrue);

    // Log posterior (up to a constant) for every mask
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            if (Parity(trainX[i] & m) != (trainParity[i] & 1)) errors++;

        int k = 0;
        for (int t = m; t != 0; t &= t - 1) k++;

        double lp = errors * logErr + (nTrain - errors) * logOk
                  + k * logP1 + (nBits - k) * logP0;
        logPost[m] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    // Normalized weights (numerically stable)
    var w = new double[nMasks];
    double total = 0;
    for (int m = 0; m < nMasks; m++)
    {
        w[m] = Math.Exp(logPost[m] - maxLog);
        total += w[m];
    }

    // Bayes-optimal prediction: posterior-weighted vote over all masks
    var predictions = new int[nTest];
    for (int j = 0; j < nTest; j++)
    {
        int x = testX[j];
        double p1 = 0;
        for (int m = 0; m < nMasks; m++)
            if (w[m] > 1e-300 && Parity(x & m) == 1) p1 += w[m];
        predictions[j] = p1 * 2 > total ? 1 : 0;
    }
    return predictions;
}