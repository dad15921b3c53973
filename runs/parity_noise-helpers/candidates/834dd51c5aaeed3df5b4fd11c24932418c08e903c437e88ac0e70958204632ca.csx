int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length
              : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    if (nBits > 20) nBits = 20; // safety guard; the task uses 10 bits

    int Pack(int[] s)
    {
        int m = 0;
        for (int b = 0; b < nBits && b < s.Length; b++)
            if (s[b] != 0) m |= 1 << b;
        return m;
    }

    int Parity(int x)
    {
        x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
        return x & 1;
    }

    int PopCount(int x)
    {
        int c = 0;
        while (x != 0) { x &= x - 1; c++; }
        return c;
    }

    var train = new int[trainSamples.Length];
    for (int i = 0; i < train.Length; i++) train[i] = Pack(trainSamples[i]);
    var test = new int[testSamples.Length];
    for (int i = 0; i < test.Length; i++) test[i] = Pack(testSamples[i]);

    // Generative-model parameters (known from the task)
    const double pTrue = 0.3, noise = 0.05;
    double logErr = Math.Log(noise), logOk = Math.Log(1 - noise);
    double logIn = Math.Log(pTrue), logOut = Math.Log(1 - pTrue);

    int nMasks = 1 << nBits;
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;

    for (int mask = 0; mask < nMasks; mask++)
    {
        int errors = 0;
        for (int i = 0; i < train.Length; i++)
            if (Parity(train[i] & mask) != (trainParity[i] & 1)) errors++;

        int k = PopCount(mask);
        double lp = k * logIn + (nBits - k) * logOut
                  + errors * logErr + (train.Length - errors) * logOk;
        logPost[mask] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    // Normalised posterior weights (log-sum-exp stabilised); skip negligible masks
    var weights = new double[nMasks];
    for (int mask = 0; mask < nMasks; mask++)
    {
        double d = logPost[mask] - maxLog;
        weights[mask] = d < -40 ? 0.0 : Math.Exp(d);
    }

    var predictions = new int[testSamples.Length];
    for (int t = 0; t < test.Length; t++)
    {
        double vote1 = 0, vote0 = 0;
        int x = test[t];
        for (int mask = 0; mask < nMasks; mask++)
        {
            double w = weights[mask];
            if (w == 0.0) continue;
            if (Parity(x & mask) == 1) vote1 += w; else vote0 += w;
        }
        predictions[t] = vote1 > vote0 ? 1 : 0;
    }
    return predictions;
}