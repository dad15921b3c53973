int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTrain = trainSamples.Length;
    int nTest = testSamples.Length;
    int nBits = nTrain > 0 ? trainSamples[0].Length : (nTest > 0 ? testSamples[0].Length : 0);
    var predictions = new int[nTest];
    if (nBits == 0 || nBits > 20)
    {
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i];
        int maj = (2 * ones >= nTrain) ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    // Pack samples into integer bitmasks
    var trainX = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        int m = 0;
        for (int b = 0; b < nBits; b++) if (trainSamples[i][b] != 0) m |= 1 << b;
        trainX[i] = m;
    }
    var testX = new int[nTest];
    for (int i = 0; i < nTest; i++)
    {
        int m = 0;
        for (int b = 0; b < nBits && b < testSamples[i].Length; b++) if (testSamples[i][b] != 0) m |= 1 << b;
        testX[i] = m;
    }

    int PopParity(int v)
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

    const double pTrue = 0.3, noise = 0.05;
    double logP = Math.Log(pTrue), logQ = Math.Log(1 - pTrue);
    double logAgree = Math.Log(1 - noise), logDisagree = Math.Log(noise);

    int nMasks = 1 << nBits;
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;
    for (int mask = 0; mask < nMasks; mask++)
    {
        int k = PopCount(mask);
        int agree = 0;
        for (int i = 0; i < nTrain; i++)
            if (PopParity(mask & trainX[i]) == (trainParity[i] & 1)) agree++;
        double lp = k * logP + (nBits - k) * logQ
                  + agree * logAgree + (nTrain - agree) * logDisagree;
        logPost[mask] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    // Convert to normalized weights; skip negligible masks for speed
    var weights = new double[nMasks];
    var active = new List<int>();
    for (int mask = 0; mask < nMasks; mask++)
    {
        double w = Math.Exp(logPost[mask] - maxLog);
        weights[mask] = w;
        if (w > 1e-12) active.Add(mask);
    }

    // Bayes-optimal prediction: posterior-weighted vote
    for (int t = 0; t < nTest; t++)
    {
        double vote1 = 0, vote0 = 0;
        int x = testX[t];
        foreach (int mask in active)
        {
            if (PopParity(mask & x) == 1) vote1 += weights[mask];
            else vote0 += weights[mask];
        }
        predictions[t] = vote1 > vote0 ? 1 : 0;
    }
    return predictions;
}