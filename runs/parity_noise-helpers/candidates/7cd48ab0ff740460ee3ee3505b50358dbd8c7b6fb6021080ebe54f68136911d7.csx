int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    int nTrain = trainSamples.Length;
    int nBits = nTrain > 0 ? trainSamples[0].Length : (testSamples.Length > 0 ? testSamples[0].Length : 0);

    // Fallback for degenerate / too-wide inputs: majority label
    if (nTrain == 0 || nBits > 20)
    {
        int ones = 0;
        for (var i = 0; i < nTrain; i++) ones += trainParity[i];
        int maj = 2 * ones > nTrain ? 1 : 0;
        for (var i = 0; i < predictions.Length; i++) predictions[i] = maj;
        return predictions;
    }

    int nMasks = 1 << nBits;

    // Pack samples into bitmasks
    var packed = new int[nTrain];
    for (var i = 0; i < nTrain; i++)
    {
        int v = 0;
        for (var b = 0; b < nBits; b++)
            if (trainSamples[i][b] != 0) v |= 1 << b;
        packed[i] = v;
    }

    // Parity and popcount tables
    var par = new int[nMasks];
    var pop = new int[nMasks];
    for (var x = 1; x < nMasks; x++)
    {
        par[x] = par[x >> 1] ^ (x & 1);
        pop[x] = pop[x >> 1] + (x & 1);
    }

    // Power tables for likelihood and prior weights
    double noiseRatio = 0.05 / 0.95;
    double priorRatio = 0.3 / 0.7;
    var noisePow = new double[nTrain + 1];
    noisePow[0] = 1.0;
    for (var e = 1; e <= nTrain; e++) noisePow[e] = noisePow[e - 1] * noiseRatio;
    var priorPow = new double[nBits + 1];
    priorPow[0] = 1.0;
    for (var k = 1; k <= nBits; k++) priorPow[k] = priorPow[k - 1] * priorRatio;

    // Exhaustive search: posterior weight of every mask
    var weights = new double[nMasks];
    int bestMask = 0, bestErr = int.MaxValue;
    for (var mask = 0; mask < nMasks; mask++)
    {
        int err = 0;
        for (var i = 0; i < nTrain; i++)
            if (par[packed[i] & mask] != trainParity[i]) err++;
        weights[mask] = noisePow[err] * priorPow[pop[mask]];
        if (err < bestErr) { bestErr = err; bestMask = mask; }
    }

    // Bayesian ensemble vote for each test sample
    for (var t = 0; t < testSamples.Length; t++)
    {
        int v = 0;
        for (var b = 0; b < nBits && b < testSamples[t].Length; b++)
            if (testSamples[t][b] != 0) v |= 1 << b;

        double w1 = 0.0, w0 = 0.0;
        for (var mask = 0; mask < nMasks; mask++)
        {
            if (par[v & mask] == 1) w1 += weights[mask];
            else w0 += weights[mask];
        }
        if (w1 > w0) predictions[t] = 1;
        else if (w0 > w1) predictions[t] = 0;
        else predictions[t] = par[v & bestMask];
    }

    return predictions;
}