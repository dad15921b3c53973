int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTrain = trainSamples.Length;
    int nTest = testSamples.Length;
    var predictions = new int[nTest];
    if (nTrain == 0 || nTest == 0) return predictions;

    int nBits = trainSamples[0].Length;

    // Fallback for dimensions too large for the table: majority label.
    if (nBits > 20)
    {
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i] & 1;
        int maj = ones * 2 > nTrain ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var f = new int[size];

    // 1+2) Bit-pack samples and build the signed label histogram in one pass.
    for (int i = 0; i < nTrain; i++)
    {
        int[] s = trainSamples[i];
        int x = 0;
        for (int j = 0; j < nBits; j++) x |= (s[j] & 1) << j;
        f[x] += (trainParity[i] & 1) == 0 ? 1 : -1;
    }

    // 3) In-place Fast Walsh-Hadamard Transform:
    //    f[s] = sum over samples of (+1 if label == parity(s & x) else -1).
    for (int h = 1; h < size; h <<= 1)
    {
        int step = h << 1;
        for (int i = 0; i < size; i += step)
        {
            int end = i + h;
            for (int j = i; j < end; j++)
            {
                int a = f[j], b = f[j + h];
                f[j] = a + b;
                f[j + h] = a - b;
            }
        }
    }

    // 4) Best mask = maximum agreement score (first one wins ties).
    int best = 0, bestScore = int.MinValue;
    for (int s = 0; s < size; s++)
    {
        int v = f[s];
        if (v > bestScore) { bestScore = v; best = s; }
    }

    // 5) Predict with branch-free parity of (packed & best).
    for (int i = 0; i < nTest; i++)
    {
        int[] s = testSamples[i];
        int x = 0;
        for (int j = 0; j < nBits; j++) x |= (s[j] & 1) << j;
        int v = x & best;
        v ^= v >> 16;
        v ^= v >> 8;
        v ^= v >> 4;
        v ^= v >> 2;
        v ^= v >> 1;
        predictions[i] = v & 1;
    }

    return predictions;
}