int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int m = trainSamples == null ? 0 : Math.Min(trainSamples.Length, trainParity == null ? 0 : trainParity.Length);
    int nBits = 0;
    if (m > 0 && trainSamples[0] != null) nBits = trainSamples[0].Length;
    else if (testSamples[0] != null) nBits = testSamples[0].Length;

    if (m == 0 || nBits == 0 || nBits > 22)
    {
        // Degenerate case: predict majority label
        int ones = 0;
        for (int i = 0; i < m; i++) ones += trainParity[i] & 1;
        int maj = (2 * ones > m) ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;

    static int Pack(int[] s, int n)
    {
        int x = 0;
        int len = Math.Min(n, s == null ? 0 : s.Length);
        for (int b = 0; b < len; b++) if ((s[b] & 1) != 0) x |= 1 << b;
        return x;
    }

    static int Par(int v)
    {
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        return v & 1;
    }

    static int Pop(int v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }

    // 1. Signed histogram of training data
    var F = new long[size];
    for (int i = 0; i < m; i++)
    {
        int x = Pack(trainSamples[i], nBits);
        F[x] += (trainParity[i] & 1) == 0 ? 1 : -1;
    }

    // 2. Fast Walsh-Hadamard transform: F[s] = agreements - disagreements for mask s
    for (int len = 1; len < size; len <<= 1)
    {
        for (int i = 0; i < size; i += len << 1)
        {
            for (int j = i; j < i + len; j++)
            {
                long a = F[j], b = F[j + len];
                F[j] = a + b;
                F[j + len] = a - b;
            }
        }
    }

    // 3. Log-posterior for every mask
    const double pTrue = 0.3;
    const double eta = 0.05;
    double lp1 = Math.Log(pTrue), lp0 = Math.Log(1 - pTrue);
    double le = Math.Log(eta), lc = Math.Log(1 - eta);

    var logPost = new double[size];
    double best = double.NegativeInfinity;
    for (int s = 0; s < size; s++)
    {
        int k = Pop(s);
        double err = (m - F[s]) * 0.5;
        double lpv = k * lp1 + (nBits - k) * lp0 + err * le + (m - err) * lc;
        logPost[s] = lpv;
        if (lpv > best) best = lpv;
    }

    // Keep only masks with non-negligible weight
    var masks = new List<int>();
    var weights = new List<double>();
    for (int s = 0; s < size; s++)
    {
        double d = logPost[s] - best;
        if (d > -40)
        {
            masks.Add(s);
            weights.Add(Math.Exp(d));
        }
    }

    // 4. Bayesian model-averaged prediction
    for (int t = 0; t < nTest; t++)
    {
        int x = Pack(testSamples[t], nBits);
        double w1 = 0, w0 = 0;
        for (int q = 0; q < masks.Count; q++)
        {
            if (Par(x & masks[q]) == 1) w1 += weights[q];
            else w0 += weights[q];
        }
        predictions[t] = w1 > w0 ? 1 : 0;
    }

    return predictions;
}