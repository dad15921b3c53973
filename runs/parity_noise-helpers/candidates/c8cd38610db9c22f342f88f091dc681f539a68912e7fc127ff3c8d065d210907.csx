int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    int m = trainSamples.Length;
    if (m == 0 || testSamples.Length == 0) return predictions;

    int nBits = trainSamples[0].Length;

    static int Pack(int[] s)
    {
        int v = 0;
        for (int b = 0; b < s.Length; b++) v |= (s[b] & 1) << b;
        return v;
    }

    static int Parity(int x)
    {
        x ^= x >> 16; x ^= x >> 8; x ^= x >> 4; x ^= x >> 2; x ^= x >> 1;
        return x & 1;
    }

    static int PopCount(int x)
    {
        int c = 0;
        while (x != 0) { x &= x - 1; c++; }
        return c;
    }

    if (nBits > 22)
    {
        // Fallback: majority label
        int ones = 0;
        for (int i = 0; i < m; i++) ones += trainParity[i] & 1;
        int maj = ones * 2 > m ? 1 : 0;
        for (int i = 0; i < predictions.Length; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    var f = new int[size];

    // Signed histogram: +1 for label 0, -1 for label 1
    for (int i = 0; i < m; i++)
        f[Pack(trainSamples[i])] += 1 - 2 * (trainParity[i] & 1);

    // In-place Fast Walsh–Hadamard Transform:
    // f[S] = agreements(S) - disagreements(S)
    for (int h = 1; h < size; h <<= 1)
    {
        for (int i = 0; i < size; i += h << 1)
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

    // Pick max correlation; tie-break toward sparser masks (prior pTrue = 0.3)
    int bestMask = 0, bestScore = f[0], bestPop = 0;
    for (int s = 1; s < size; s++)
    {
        int score = f[s];
        if (score < bestScore) continue;
        int pc = PopCount(s);
        if (score > bestScore || pc < bestPop)
        {
            bestScore = score; bestMask = s; bestPop = pc;
        }
    }

    for (int i = 0; i < predictions.Length; i++)
        predictions[i] = Parity(Pack(testSamples[i]) & bestMask);

    return predictions;
}