int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    int nTest = testSamples == null ? 0 : testSamples.Length;
    var predictions = new int[nTest];
    if (nTest == 0) return predictions;

    int nTrain = trainSamples == null ? 0 : trainSamples.Length;
    int nBits = nTrain > 0 ? trainSamples[0].Length : testSamples[0].Length;

    // Fallback for degenerate / too-large cases: majority label.
    if (nTrain == 0 || nBits > 22)
    {
        int ones = 0;
        for (int i = 0; i < nTrain; i++) ones += trainParity[i] & 1;
        int maj = ones * 2 > nTrain ? 1 : 0;
        for (int i = 0; i < nTest; i++) predictions[i] = maj;
        return predictions;
    }

    int size = 1 << nBits;
    // h[x] = sum over train samples with packed value x of (+1 if label 0, -1 if label 1)
    var h = new int[size];
    for (int i = 0; i < nTrain; i++)
    {
        int[] s = trainSamples[i];
        int x = 0;
        int len = s.Length < nBits ? s.Length : nBits;
        for (int j = 0; j < len; j++) x |= (s[j] & 1) << j;
        h[x] += (trainParity[i] & 1) == 0 ? 1 : -1;
    }

    // In-place fast Walsh-Hadamard transform:
    // afterwards h[m] = (#agreements - #disagreements) of mask m on training data.
    for (int half = 1; half < size; half <<= 1)
    {
        int step = half << 1;
        for (int start = 0; start < size; start += step)
        {
            int end = start + half;
            for (int k = start; k < end; k++)
            {
                int a = h[k], b = h[k + half];
                h[k] = a + b;
                h[k + half] = a - b;
            }
        }
    }

    // MAP selection: score = W * ln(0.95/0.05)/2 + w * ln(0.3/0.7), W = h[m], w = popcount(m).
    double likeScale = 0.5 * Math.Log(0.95 / 0.05);
    double priorPerBit = Math.Log(0.3 / 0.7);
    var weightPenalty = new double[nBits + 1];
    for (int w = 0; w <= nBits; w++) weightPenalty[w] = w * priorPerBit;

    int bestMask = 0;
    double bestScore = double.NegativeInfinity;
    for (int m = 0; m < size; m++)
    {
        // popcount via Kernighan (n <= 22 so this is cheap)
        int w = 0;
        for (int t = m; t != 0; t &= t - 1) w++;
        double score = h[m] * likeScale + weightPenalty[w];
        if (score > bestScore)
        {
            bestScore = score;
            bestMask = m;
        }
    }

    // Predict: parity of (packed test sample & bestMask) via xor folding.
    for (int i = 0; i < nTest; i++)
    {
        int[] s = testSamples[i];
        int x = 0;
        int len = s.Length < nBits ? s.Length : nBits;
        for (int j = 0; j < len; j++) x |= (s[j] & 1) << j;
        int v = x & bestMask;
        v ^= v >> 16;
        v ^= v >> 8;
        v ^= v >> 4;
        v ^= v >> 2;
        v ^= v >> 1;
        predictions[i] = v & 1;
    }

    return predictions;
}