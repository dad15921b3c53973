int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (trainSamples == null || trainSamples.Length == 0 || nTest == 0) return predictions;

    int nBits = trainSamples[0].Length;
    if (nBits > 22) nBits = 22;              // safety cap on table size
    int size = 1 << nBits;
    int nTrain = Math.Min(trainSamples.Length, trainParity.Length);

    // 1) Signed histogram of packed training samples: +1 if label 0, -1 if label 1.
    var f = new double[size];
    for (int i = 0; i < nTrain; i++)
    {
        var s = trainSamples[i];
        int x = 0;
        int len = Math.Min(nBits, s.Length);
        for (int j = 0; j < len; j++) x |= (s[j] & 1) << j;
        f[x] += (trainParity[i] & 1) == 1 ? -1.0 : 1.0;
    }

    // 2) In-place Fast Walsh-Hadamard Transform: f[mask] = agreements - disagreements.
    Fwht(f, size);

    // 3) Log-posterior per mask: noise-likelihood + sparsity prior (pTrue = 0.3, noise = 0.05).
    double errCost = Math.Log(0.95 / 0.05);
    double bitCost = Math.Log(0.3 / 0.7);
    var popcnt = new int[size];
    for (int s = 1; s < size; s++) popcnt[s] = popcnt[s >> 1] + (s & 1);

    double maxLog = double.NegativeInfinity;
    for (int s = 0; s < size; s++)
    {
        double errors = (nTrain - f[s]) * 0.5;
        double lw = -errors * errCost + popcnt[s] * bitCost;
        f[s] = lw;                           // reuse buffer
        if (lw > maxLog) maxLog = lw;
    }
    for (int s = 0; s < size; s++) f[s] = Math.Exp(f[s] - maxLog);

    // 4) Second FWHT: f[x] = sum_s w[s] * (-1)^{parity(s & x)} = posterior vote for every input x.
    Fwht(f, size);

    // 5) Each test prediction is a table lookup.
    for (int t = 0; t < nTest; t++)
    {
        var s = testSamples[t];
        int x = 0;
        int len = Math.Min(nBits, s.Length);
        for (int j = 0; j < len; j++) x |= (s[j] & 1) << j;
        predictions[t] = f[x] < 0 ? 1 : 0;
    }
    return predictions;

    static void Fwht(double[] a, int n)
    {
        for (int h = 1; h < n; h <<= 1)
        {
            int step = h << 1;
            for (int i = 0; i < n; i += step)
            {
                int end = i + h;
                for (int j = i; j < end; j++)
                {
                    double u = a[j], v = a[j + h];
                    a[j] = u + v;
                    a[j + h] = u - v;
                }
            }
        }
    }
}