int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (trainSamples == null || trainSamples.Length == 0 || nTest == 0) return predictions;

    int nBits = trainSamples[0].Length;
    int searchBits = Math.Min(nBits, 20);
    int nTrain = trainSamples.Length;

    int Pack(int[] s)
    {
        int v = 0;
        int m = Math.Min(searchBits, s.Length);
        for (int b = 0; b < m; b++) if (s[b] != 0) v |= 1 << b;
        return v;
    }

    int Parity(int v)
    {
        v ^= v >> 16; v ^= v >> 8; v ^= v >> 4; v ^= v >> 2; v ^= v >> 1;
        return v & 1;
    }

    int PopCount(int v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }

    var x = new int[nTrain];
    var y = new int[nTrain];
    for (int i = 0; i < nTrain; i++)
    {
        x[i] = Pack(trainSamples[i]);
        y[i] = trainParity[i] & 1;
    }

    // MAP weights: noise 0.05 per flipped label, prior 0.3 per active bit
    double wErr = Math.Log(0.95 / 0.05);
    double wBit = Math.Log(0.7 / 0.3);

    int bestMask = 0;
    double bestScore = double.MaxValue;
    int total = 1 << searchBits;
    for (int mask = 0; mask < total; mask++)
    {
        int errors = 0;
        for (int i = 0; i < nTrain; i++)
            errors += Parity(x[i] & mask) ^ y[i];
        double score = errors * wErr + PopCount(mask) * wBit;
        if (score < bestScore)
        {
            bestScore = score;
            bestMask = mask;
        }
    }

    for (int i = 0; i < nTest; i++)
        predictions[i] = Parity(Pack(testSamples[i]) & bestMask);

    return predictions;
}