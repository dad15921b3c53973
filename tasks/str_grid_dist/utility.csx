using System.Diagnostics;

double Utility(string algorithmStr)
{
    // Implements the str_grid_dist task. Returns a value between 0 and 1.

    Func<string, int, string> algorithm;
    try
    {
        algorithm = Compile<Func<string, int, string>>(algorithmStr, "Algorithm");
    }
    catch
    {
        return 0.0;
    }

    var random = new Random();
    var scores = new List<double>();
    for (var test = 0; test < 10; test++)
    {
        var length = random.Next(1, 31);
        var t = string.Concat(Enumerable.Range(0, length).Select(_ => "AB"[random.Next(2)]));
        var s = string.Concat(Enumerable.Range(0, length).Select(_ => "AB"[random.Next(2)]));
        var dist = GridDist(s, t);
        scores.Add(ScoreTest(t, dist, algorithm));
    }
    return scores.Sum() / scores.Count;
}

int GridDist(string s, string t)
{
    if (s is null || t is null || s.Length != t.Length || !(s + t).All(c => c is 'A' or 'B'))
    {
        throw new ArgumentException("s and t must be strings of equal length over \"AB\".");
    }
    var ans = s.Zip(t).Count(pair => pair.First != pair.Second);
    ans += s.Zip(s.Skip(1)).Count(pair => pair.First != pair.Second);
    ans += t.Zip(t.Skip(1)).Count(pair => pair.First != pair.Second);
    return ans;
}

double ScoreTest(string t, int dist, Func<string, int, string> findAtDist, double maxTime = 0.1)
{
    var stopwatch = Stopwatch.StartNew();
    try
    {
        var s = findAtDist(t, dist);
        var d = GridDist(s, t);
        if (stopwatch.Elapsed.TotalSeconds > maxTime)
        {
            return 0.0;
        }
        if (d == dist)
        {
            return 1.0; // perfect!
        }
        else
        {
            return 0.5 - Math.Abs(d - dist) / (6.0 * t.Length); // between 0 and 0.5
        }
    }
    catch
    {
        return 0.0; // error
    }
}
