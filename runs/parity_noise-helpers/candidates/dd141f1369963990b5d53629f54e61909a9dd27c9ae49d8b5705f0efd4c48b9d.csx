int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length
              : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    var predictions = new int[testSamples.Length];
    if (nBits == 0 || nBits > 16 || trainSamples.Length == 0)
    {
        // Fallback: majority label
        int ones = 0; foreach (var p in trainParity) ones += p;
        int maj = ones * 2 >= trainParity.Length ? 1 : 0;
        for (int i = 0; i < predictions.Length; i++) predictions[i] = maj;
        return predictions;
    }

    int Pack(int[] s) { int v = 0; for (int b = 0; b < s.Length && b < nBits; b++) if (s[b] != 0) v |= 1 << b; return v; }
    int Par(int v) { v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1; return v & 1; }

    int nTrain = trainSamples.Length;
    var tr = new int[nTrain];
    for (int i = 0; i < nTrain; i++) tr[i] = Pack(trainSamples[i]);
    var te = new int[testSamples.Length];
    for (int i = 0; i < te.Length; i++) te[i] = Pack(testSamples[i]);

    const double pTrue = 0.3, eps = 0.05;
    double lp1 = Math.Log(pTrue), lp0 = Math.Log(1 - pTrue);
    double lErr = Math.Log(eps), lOk = Math.Log(1 - eps);

    int nMasks = 1 << nBits;
    var logPost = new double[nMasks];
    double best = double.NegativeInfinity;
    for (int m = 0; m < nMasks; m++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            if (Par(tr[i] & m) != (trainParity[i] & 1)) errors++;
        int k = 0; for (int t = m; t != 0; t &= t - 1) k++;
        double lp = k * lp1 + (nBits - k) * lp0 + errors * lErr + (nTrain - errors) * lOk;
        logPost[m] = lp;
        if (lp > best) best = lp;
    }

    // Convert to normalized weights (log-sum-exp stabilization); prune negligible masks
    var active = new List<int>();
    var weight = new List<double>();
    for (int m = 0; m < nMasks; m++)
    {
        double d = logPost[m] - best;
        if (d > -40) { active.Add(m); weight.Add(Math.Exp(d)); }
    }

    for (int j = 0; j < te.Length; j++)
    {
        double w1 = 0, w0 = 0;
        for (int a = 0; a < active.Count; a++)
        {
            if (Par(te[j] & active[a]) == 1) w1 += weight[a]; else w0 += weight[a];
        }
        predictions[j] = w1 > w0 ? 1 : 0;
    }
    return predictions;
}