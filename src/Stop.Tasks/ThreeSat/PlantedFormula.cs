using Stop.Tasks.Generation;

namespace Stop.Tasks.ThreeSat;

/// <summary>
/// A random 3-SAT formula with a planted solution, drawn as STOP's <c>generate_3sat_formula</c> draws it:
/// n in [5, 50], m = 4n clauses of three distinct variables with random signs, keeping only clauses the
/// planted assignment satisfies (at most m² tries), then shuffled. Literals are ±v with v in 1..n.
/// </summary>
internal sealed record PlantedFormula(int VariableCount, bool[] Planted, int[][] Clauses)
{
    public const int MinVariables = 5;
    public const int MaxVariables = 50;

    public static PlantedFormula Generate(SplitMix64 rng)
    {
        var n = rng.NextInt(MinVariables, MaxVariables);
        var m = 4 * n;
        var planted = new bool[n + 1];
        for (var v = 1; v <= n; v++)
        {
            planted[v] = rng.NextDouble() < 0.5;
        }

        var clauses = new List<int[]>(m);
        for (var attempt = 0; attempt < m * m && clauses.Count < m; attempt++)
        {
            var clause = rng.Sample(1, n, 3);
            for (var k = 0; k < clause.Length; k++)
            {
                clause[k] = rng.NextDouble() < 0.5 ? clause[k] : -clause[k];
            }
            if (IsSatisfied(clause, planted))
            {
                clauses.Add(clause);
            }
        }
        rng.Shuffle(clauses);
        return new PlantedFormula(n, planted, [.. clauses]);
    }

    /// <summary>True when every clause has a literal the assignment makes true.</summary>
    public bool IsSatisfiedBy(bool[] assignment) => Clauses.All(clause => IsSatisfied(clause, assignment));

    private static bool IsSatisfied(int[] clause, bool[] assignment) =>
        clause.Any(literal => assignment[Math.Abs(literal)] == literal > 0);
}
