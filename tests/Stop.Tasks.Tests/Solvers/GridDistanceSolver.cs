namespace Stop.Tasks.Tests.Solvers;

/// <summary>
/// Exact: grid_dist(s, t) = changes along t + Σ over i of cost(s[i]), where the cost of a letter is 1 if it
/// differs from t[i] plus 1 if it differs from s[i−1]. A dynamic programme over (position, last letter,
/// cost so far) finds an s hitting the target whenever one exists.
/// </summary>
internal static class GridDistanceSolver
{
    public static string? Solve(string t, int dist)
    {
        var changesAlongT = Enumerable.Range(1, Math.Max(0, t.Length - 1)).Count(i => t[i] != t[i - 1]);
        var target = dist - changesAlongT;
        var maxCost = 2 * t.Length;
        if (target < 0 || target > maxCost)
        {
            return null;
        }

        // reachable[i][letter][cost]: a prefix s[0..i] ending in letter with that cost exists.
        var reachable = new bool[t.Length][][];
        for (var i = 0; i < t.Length; i++)
        {
            reachable[i] = [new bool[maxCost + 1], new bool[maxCost + 1]];
            for (var letter = 0; letter < 2; letter++)
            {
                var mismatch = "AB"[letter] != t[i] ? 1 : 0;
                if (i == 0)
                {
                    reachable[0][letter][mismatch] = true;
                    continue;
                }
                for (var previous = 0; previous < 2; previous++)
                {
                    var step = mismatch + (previous != letter ? 1 : 0);
                    for (var cost = 0; cost + step <= maxCost; cost++)
                    {
                        reachable[i][letter][cost + step] |= reachable[i - 1][previous][cost];
                    }
                }
            }
        }

        var last = Enumerable.Range(0, 2).FirstOrDefault(letter => reachable[^1][letter][target], -1);
        if (last < 0)
        {
            return null;
        }
        var letters = new char[t.Length];
        var remaining = target;
        for (var i = t.Length - 1; i >= 0; i--)
        {
            letters[i] = "AB"[last];
            remaining -= "AB"[last] != t[i] ? 1 : 0;
            if (i == 0)
            {
                break;
            }
            var current = last;
            last = Enumerable.Range(0, 2).First(previous => remaining - (previous != current ? 1 : 0) >= 0 && reachable[i - 1][previous][remaining - (previous != current ? 1 : 0)]);
            remaining -= last != current ? 1 : 0;
        }
        return new string(letters);
    }
}
