bool[]? RandomWalkSolver(int[][] formula, int maxIter, double p)
{
    var random = new Random();
    var n = formula.SelectMany(clause => clause).Max(lit => Math.Abs(lit));
    var assignments = new bool[n + 1];

    for (var iteration = 0; iteration < maxIter; iteration++)
    {
        var unsatisfiedClauses = formula.Where(clause => !clause.Any(lit => assignments[Math.Abs(lit)] == (lit > 0))).ToList();

        if (unsatisfiedClauses.Count == 0)
        {
            return assignments;
        }

        var clauseToFlip = unsatisfiedClauses[random.Next(unsatisfiedClauses.Count)];
        int litToFlip;
        if (random.NextDouble() < p)
        {
            litToFlip = clauseToFlip[random.Next(clauseToFlip.Length)];
        }
        else
        {
            litToFlip = clauseToFlip.MinBy(lit => formula.Where(clause => clause.Contains(lit)).Count(clause => assignments[Math.Abs(lit)] == (lit > 0)));
        }

        assignments[Math.Abs(litToFlip)] = !assignments[Math.Abs(litToFlip)];
    }

    return null;
}

bool[]? Algorithm(int[][] formula)
{
    return RandomWalkSolver(formula, maxIter: 1000, p: 0.4);
}
