namespace Stop.Tasks.Tests.Solvers;

/// <summary>WalkSAT (Selman, Kautz and Cohen): pick an unsatisfied clause, flip a random variable of it with probability <c>noise</c>, else the one that breaks fewest clauses.</summary>
internal static class WalkSat
{
    public static bool[]? Solve(int[][] formula, int seed, int maxFlips = 1_000_000, double noise = 0.5)
    {
        var random = new Random(seed);
        var n = formula.SelectMany(clause => clause).Max(Math.Abs);
        var assignment = new bool[n + 1];
        for (var v = 1; v <= n; v++)
        {
            assignment[v] = random.Next(2) == 1;
        }

        var occurrences = Enumerable.Range(0, n + 1).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < formula.Length; c++)
        {
            foreach (var literal in formula[c])
            {
                occurrences[Math.Abs(literal)].Add(c);
            }
        }

        bool IsTrue(int literal) => assignment[Math.Abs(literal)] == literal > 0;
        var trueCount = formula.Select(clause => clause.Count(IsTrue)).ToArray();

        for (var flip = 0; flip < maxFlips; flip++)
        {
            var unsatisfied = Enumerable.Range(0, formula.Length).Where(c => trueCount[c] == 0).ToList();
            if (unsatisfied.Count == 0)
            {
                return assignment;
            }
            var clause = formula[unsatisfied[random.Next(unsatisfied.Count)]];
            var variable = random.NextDouble() < noise
                ? Math.Abs(clause[random.Next(clause.Length)])
                : clause.Select(Math.Abs).MinBy(v => occurrences[v].Count(c => trueCount[c] == 1 && formula[c].Any(l => Math.Abs(l) == v && IsTrue(l))));

            foreach (var c in occurrences[variable])
            {
                foreach (var literal in formula[c].Where(l => Math.Abs(l) == variable))
                {
                    trueCount[c] += IsTrue(literal) ? -1 : 1;
                }
            }
            assignment[variable] = !assignment[variable];
        }
        return null;
    }
}
