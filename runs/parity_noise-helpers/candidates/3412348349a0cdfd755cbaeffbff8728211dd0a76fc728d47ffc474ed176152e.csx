int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTrain = trainSamples.Length;
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int nBits = nTrain > 0 ? trainSamples[0].Length : testSamples[0].Length;

    // Fallback for unexpectedly large inputs: majority label.
    if (nBits > 20 || nTrain == 0)
    {
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i] & 1;
        int guess = (2 * ones > nTrain) ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = guess;
        return predictions;
    }

    int nMasks = 1 << nBits;

    // Pack samples into integers.
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

    // Parity and popcount lookup tables.
    var par = new byte[nMasks];
    var pop = new int[nMasks];
    for (int m = 1; m < nMasks; m++)
    {
        pop[m] = pop[m >> 1] + (m & 1);
        par[m] = (byte)(pop[m] & 1);
    }

    // Model constants (noise rate and sparsity prior of the generator).
    const double eps = 0.05;
    const double pTrue = 0.3;
    double logErr = Math.Log(eps), logOk = Math.Log(1 - eps);
    double logIn = Math.Log(pTrue), logOut = Math.Log(1 - pTrue);

    // Log posterior of every mask.
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            errors += par[m & trainX[i]] ^ (trainParity[i] & 1);
        int k = pop[m];
        double lp = errors * logErr + (nTrain - errors) * logOk
                  + k * logIn + (nBits - k) * logOut;
        logPost[m] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    // Normalised weights (log-sum-exp).
    var w = new double[nMasks];
    double total = 0;
    for (int m = 0; m < nMasks; m++)
    {
        double d = logPost[m] - maxLog;
        double x = d < -50 ? 0.0 : Math.Exp(d);
        w[m] = x;
        total += x;
    }

    // Posterior-weighted vote for each test sample.
    for (int t = 0; t < nTest; t++)
    {
        int x = testX[t];
        double p1 = 0;
        for (int m = 0; m < nMasks; m++)
        {
            if (w[m] != 0 && par[m & x] == 1) p1 += w[m];
        }
        predictions[t] = (p1 > 0.5 * total) ? 1 : 0;
    }

    return predictions;
}