int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int nTrain = (trainSamples == null || trainParity == null) ? 0 : Math.Min(trainSamples.Length, trainParity.Length);
    int nBits = nTrain > 0 ? trainSamples[0].Length : testSamples[0].Length;
    nBits = Math.Max(0, Math.Min(nBits, 20)); // keep the exhaustive search bounded

    int Encode(int[] s)
    {
        int v = 0;
        int len = Math.Min(nBits, s.Length);
        for (int b = 0; b < len; b++) if ((s[b] & 1) != 0) v |= 1 << b;
        return v;
    }

    var xs = new int[nTrain];
    var ys = new int[nTrain];
    for (int i = 0; i < nTrain; i++) { xs[i] = Encode(trainSamples[i]); ys[i] = trainParity[i] & 1; }

    const double noise = 0.05, pTrue = 0.3;
    double errPenalty = Math.Log((1 - noise) / noise);   // ln 19
    double bitPenalty = Math.Log((1 - pTrue) / pTrue);   // ln(7/3)

    int nMasks = 1 << nBits;
    var logPost = new double[nMasks];
    double maxLog = double.NegativeInfinity;
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            if ((System.Numerics.BitOperations.PopCount((uint)(xs[i] & m)) & 1) != ys[i]) errors++;
        double lp = -errors * errPenalty - System.Numerics.BitOperations.PopCount((uint)m) * bitPenalty;
        logPost[m] = lp;
        if (lp > maxLog) maxLog = lp;
    }

    var weight = new double[nMasks];
    for (int m = 0; m < nMasks; m++) weight[m] = Math.Exp(logPost[m] - maxLog);

    for (int j = 0; j < nTest; j++)
    {
        int x = Encode(testSamples[j]);
        double w1 = 0, w0 = 0;
        for (int m = 0; m < nMasks; m++)
        {
            if ((System.Numerics.BitOperations.PopCount((uint)(x & m)) & 1) == 1) w1 += weight[m];
            else w0 += weight[m];
        }
        predictions[j] = w1 > w0 ? 1 : 0;
    }
    return predictions;
}