int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
{
    var predictions = new int[testSamples.Length];
    int nBits = trainSamples.Length > 0 ? trainSamples[0].Length
              : (testSamples.Length > 0 ? testSamples[0].Length : 0);
    if (testSamples.Length == 0) return predictions;

    // Guard: keep the transform table within a sane size.
    int useBits = nBits > 22 ? 22 : nBits;
    int size = 1 << useBits;

    // 1) Signed histogram of training labels over packed sample keys.
    var f = new int[size];
    for (var i = 0; i < trainSamples.Length; i++)
    {
        var s = trainSamples[i];
        int key = 0;
        for (var j = 0; j < useBits; j++)
            if (s[j] != 0) key |= 1 << j;
        f[key] += trainParity[i] == 1 ? -1 : 1;
    }

    // 2) In-place fast Walsh-Hadamard transform: f[mask] = agreements - disagreements.
    for (var len = 1; len < size; len <<= 1)
    {
        for (var i = 0; i < size; i += len << 1)
        {
            for (var j = i; j < i + len; j++)
            {
                int a = f[j], b = f[j + len];
                f[j] = a + b;
                f[j + len] = a - b;
            }
        }
    }

    // Popcount table built by DP (also used for parity).
    var pop = new int[size];
    for (var v = 1; v < size; v++) pop[v] = pop[v >> 1] + (v & 1);

    // 3) Pick the best mask; break ties toward sparser masks.
    int bestMask = 0;
    int bestScore = int.MinValue;
    for (var m = 0; m < size; m++)
    {
        int sc = f[m];
        if (sc > bestScore || (sc == bestScore && pop[m] < pop[bestMask]))
        {
            bestScore = sc;
            bestMask = m;
        }
    }

    // 4) Predict test parities with the recovered mask.
    for (var i = 0; i < testSamples.Length; i++)
    {
        var s = testSamples[i];
        int key = 0;
        for (var j = 0; j < useBits && j < s.Length; j++)
            if (s[j] != 0) key |= 1 << j;
        predictions[i] = pop[key & bestMask] & 1;
    }
    return predictions;
}