int[][] GenerateThreeSatFormula(Random random, int n, int m)
{
    // Generate a random 3-SAT formula with n variables and m clauses.
    var formula = new List<int[]>();
    var validAssignment = new[] { false }.Concat(Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5)).ToArray();
    while (formula.Count < m)
    {
        var clause = Enumerable.Range(1, n).OrderBy(_ => random.Next()).Take(3).ToArray();
        clause = clause.Select(variable => random.NextDouble() < 0.5 ? variable : -variable).ToArray();
        // Check if the clause is satisfied by the valid assignment
        if (clause.Any(lit => validAssignment[Math.Abs(lit)] == (lit > 0)))
        {
            formula.Add(clause);
        }
    }
    return formula.ToArray();
}

bool CheckThreeSatFormula(int[][] formula, bool[] assignment)
{
    return formula.All(clause => clause.Any(lit => assignment[Math.Abs(lit)] == (lit > 0)));
}

double Utility(string algorithmStr)
{
    // Implements the Random 3-SAT problem with n variables and m clauses.
    // Returns the fraction of formulas solved successfully within the time limit.
    // The algorithm must be extremely fast. If it takes more than 10 milliseconds to run, it is a failure.
    // Your algorithm function must be named 'Algorithm' and take a single argument, formula
    // which is an array of m clauses, each containing exactly 3 literals.
    var nTests = 100;
    var n = 50; // Number of variables
    var m = 4 * n; // Number of clauses
    var solvedCount = 0;
    var random = new Random();

    Func<int[][], bool[]> algorithm;
    try
    {
        algorithm = Compile<Func<int[][], bool[]>>(algorithmStr, "Algorithm");
    }
    catch
    {
        return 0;
    }

    for (var testIdx = 0; testIdx < nTests; testIdx++)
    {
        var formula = GenerateThreeSatFormula(random, n, m);
        try
        {
            var assignmentTask = Task.Run(() => algorithm(formula));
            if (!assignmentTask.Wait(TimeSpan.FromSeconds(0.01)))
            {
                throw new TimeoutException();
            }
            if (CheckThreeSatFormula(formula, assignmentTask.Result))
            {
                solvedCount++;
            }
        }
        catch
        {
            return 0;
        }
    }

    return (double)solvedCount / nTests;
}
