int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples == null ? 0 : testSamples.Length];
    if (predictions.Length == 0) return predictions;

    // Determine bit width (cap to keep the exhaustive search cheap).
    int nBits = 0;
    if (trainSamples != null && trainSamples.Length > 0 && trainSamples[0] != null) nBits = trainSamples[0].Length;
    else if (testSamples[0] != null) nBits = testSamples[0].Length;
    if (nBits > 16) nBits = 16;
    int nMasks = 1 << nBits;

    int Encode(int[] s)
    {
        int v = 0;
        if (s == null) return 0;
        int len = s.Length < nBits ? s.Length : nBits;
        for (int b = 0; b < len; b++)
            if (s[b] != 0) v |= 1 << b;
        return v;
    }

    // Parity lookup table: par[v] = popcount(v) mod 2.
    var par = new int[nMasks];
    for (int v = 1; v < nMasks; v++) par[v] = par[v >> 1] ^ (v & 1);

    int nTrain = 0;
    if (trainSamples != null && trainParity != null)
        nTrain = trainSamples.Length < trainParity.Length ? trainSamples.Length : trainParity.Length;
    var xs = new int[nTrain];
    var ys = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        xs[i] = Encode(trainSamples[i]);
        ys[i] = (trainParity[i] & 1);
    }

    // Precompute powers for the prior and the likelihood.
    const double priorRatio = 0.3 / 0.7;     // each included bit
    const double noiseRatio = 0.05 / 0.95;   // each mismatching label
    var priorPow = new double[nBits + 1];
    priorPow[0] = 1.0;
    for (int k = 1; k <= nBits; k++) priorPow[k] = priorPow[k - 1] * priorRatio;

    var errors = new int[nMasks];
    int minErr = int.MaxValue;
    for (int m = 0; m < nMasks; m++)
    {
        int e = 0;
        for (int i = 0; i < nTrain; i++)
            e += par[xs[i] & m] ^ ys[i];
        errors[m] = e;
        if (e < minErr) minErr = e;
    }

    var noisePow = new double[nTrain + 2];
    noisePow[0] = 1.0;
    for (int k = 1; k < noisePow.Length; k++) noisePow[k] = noisePow[k - 1] * noiseRatio;

    // Posterior weights (relative to the best error count to avoid underflow);
    // masks too far from the best contribute negligibly and are skipped.
    var weights = new double[nMasks];
    for (int m = 0; m < nMasks; m++)
    {
        int d = errors[m] - minErr;
        if (d > 12) continue; // (0.0526)^12 ~ 2e-16, negligible
        int bits = 0;
        for (int v = m; v != 0; v &= v - 1) bits++;
        weights[m] = priorPow[bits] * noisePow[d];
    }

    // Posterior-weighted vote for each test sample.
    for (int t = 0; t < predictions.Length; t++)
    {
        int x = Encode(testSamples[t]);
        double w1 = 0.0, w0 = 0.0;
        for (int m = 0; m < nMasks; m++)
        {
            double w = weights[m];
            if (w == 0.0) continue;
            if (par[x & m] == 1) w1 += w; else w0 += w;
        }
        predictions[t] = w1 > w0 ? 1 : 0;
    }
    return predictions;
}