int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    // Determine the number of bits (cap at 20 to keep 2^n enumeration tractable).
    int nBits = 0;
    if (trainSamples != null && trainSamples.Length > 0 && trainSamples[0] != null) nBits = trainSamples[0].Length;
    else if (testSamples[0] != null) nBits = testSamples[0].Length;
    if (nBits > 20) nBits = 20;

    int nTrain = (trainSamples == null || trainParity == null) ? 0 : Math.Min(trainSamples.Length, trainParity.Length);

    // Local popcount-parity helper (no dependency on System.Numerics).
    static int Parity(int v)
    {
        v ^= v >> 16;
        v ^= v >> 8;
        v ^= v >> 4;
        v ^= v >> 2;
        v ^= v >> 1;
        return v & 1;
    }
    static int PopCount(int v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }
    static int Pack(int[] s, int n)
    {
        int x = 0;
        if (s == null) return 0;
        int len = Math.Min(n, s.Length);
        for (int b = 0; b < len; b++)
            if (s[b] != 0) x |= 1 << b;
        return x;
    }

    // Pack samples into bitmasks.
    var trainX = new int[nTrain];
    var trainY = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        trainX[i] = Pack(trainSamples[i], nBits);
        trainY[i] = trainParity[i] & 1;
    }
    var testX = new int[nTest];
    for (int i = 0; i < nTest; i++) testX[i] = Pack(testSamples[i], nBits);

    // Model hyperparameters (match the generative process of the task).
    const double eps = 0.05;   // label noise
    const double pTrue = 0.3;  // prior probability that a bit is in the mask
    double errPenalty = Math.Log((1 - eps) / eps);      // cost per training mismatch
    double bitBonus = Math.Log(pTrue / (1 - pTrue));    // (negative) log-prior per included bit

    int nMasks = 1 << nBits;
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;

    // Score every mask: log posterior = -errors * penalty + popcount * bitBonus.
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            errors += Parity(trainX[i] & m) ^ trainY[i];
        double lp = -errors * errPenalty + PopCount(m) * bitBonus;
        logPost[m] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    // Convert to normalized (relative) weights; prune negligible masks.
    var activeMasks = new System.Collections.Generic.List<int>();
    var activeW = new System.Collections.Generic.List<double>();
    for (int m = 0; m < nMasks; m++)
    {
        double d = logPost[m] - maxLog;
        if (d < -40) continue; // weight < e^-40, irrelevant
        activeMasks.Add(m);
        activeW.Add(Math.Exp(d));
    }

    // Bayes-optimal prediction: posterior-weighted vote over all plausible masks.
    for (int t = 0; t < nTest; t++)
    {
        double w1 = 0, w0 = 0;
        int x = testX[t];
        for (int k = 0; k < activeMasks.Count; k++)
        {
            if (Parity(x & activeMasks[k]) == 1) w1 += activeW[k];
            else w0 += activeW[k];
        }
        predictions[t] = w1 > w0 ? 1 : 0;
    }

    return predictions;
}