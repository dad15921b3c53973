int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    if (testSamples.Length == 0) return predictions;
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length : testSamples[0].Length;
    if (nBits > 20) nBits = 20;
    int nMasks = 1 << nBits;
    int nTrain = trainSamples.Length;

    var trainX = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        int v = 0;
        for (int b = 0; b < nBits; b++) if (trainSamples[i][b] != 0) v |= 1 << b;
        trainX[i] = v;
    }
    var testX = new int[testSamples.Length];
    for (int i = 0; i < testSamples.Length; i++)
    {
        int v = 0;
        for (int b = 0; b < nBits && b < testSamples[i].Length; b++) if (testSamples[i][b] != 0) v |= 1 << b;
        testX[i] = v;
    }

    // Parity lookup for values up to 2^nBits
    var par = new byte[nMasks];
    for (int v = 1; v < nMasks; v++) par[v] = (byte)(par[v >> 1] ^ (v & 1));

    // Score each mask: log-odds units -> errors and popcount
    var errors = new int[nMasks];
    var pop = new int[nMasks];
    for (int m = 0; m < nMasks; m++)
    {
        pop[m] = par.Length > 0 ? pop[m >> 1] + (m & 1) : 0;
        int e = 0;
        for (int i = 0; i < nTrain; i++)
            if (par[trainX[i] & m] != (trainParity[i] & 1)) e++;
        errors[m] = e;
    }

    // Log-posterior (natural log): -errors*ln(19) - pop*ln(7/3)
    const double lnNoise = 2.9444389791664403;   // ln(0.95/0.05)
    const double lnPrior = 0.8472978603872037;   // ln(0.7/0.3)
    double best = double.NegativeInfinity;
    var score = new double[nMasks];
    for (int m = 0; m < nMasks; m++)
    {
        score[m] = -errors[m] * lnNoise - pop[m] * lnPrior;
        if (score[m] > best) best = score[m];
    }

    // Relative weights via power tables (no Math needed): w = r1^dErr * r2^dPop
    const double rNoise = 0.05 / 0.95;
    const double rPrior = 0.3 / 0.7;
    var powN = new double[nTrain + 1];
    var powP = new double[nBits + 1];
    powN[0] = 1; for (int k = 1; k <= nTrain; k++) powN[k] = powN[k - 1] * rNoise;
    powP[0] = 1; for (int k = 1; k <= nBits; k++) powP[k] = powP[k - 1] * rPrior;

    var weight = new double[nMasks];
    for (int m = 0; m < nMasks; m++)
    {
        if (best - score[m] > 40) continue; // negligible (< e^-40)
        weight[m] = powN[errors[m]] * powP[pop[m]];
    }
    // Normalization is unnecessary for a vote; scale to avoid underflow
    double maxW = 0;
    for (int m = 0; m < nMasks; m++) if (weight[m] > maxW) maxW = weight[m];
    if (maxW > 0) for (int m = 0; m < nMasks; m++) weight[m] /= maxW;

    for (int t = 0; t < testX.Length; t++)
    {
        double w1 = 0, w0 = 0;
        int x = testX[t];
        for (int m = 0; m < nMasks; m++)
        {
            double w = weight[m];
            if (w == 0) continue;
            if (par[x & m] == 1) w1 += w; else w0 += w;
        }
        predictions[t] = w1 > w0 ? 1 : 0;
    }
    return predictions;
}