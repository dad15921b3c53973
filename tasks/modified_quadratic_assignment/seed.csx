int[] Algorithm(double[][] F, double[][] D, double[][] P)
{
    var random = new Random();
    var n = F.Length;
    var lambdaValue = 0.5;
    var maxIterations = 1000;
    var temperature = 1.0;
    var coolingRate = 0.99;

    double MqapObjective(int[] assignment)
    {
        double objective = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                objective += F[i][j] * D[assignment[i]][assignment[j]];
            }
        }
        for (var i = 0; i < n; i++)
        {
            objective -= lambdaValue * P[i][assignment[i]];
        }
        return objective;
    }

    void SwapRandom(int[] assignment)
    {
        int i = random.Next(0, n), j = random.Next(0, n);
        while (i == j)
        {
            j = random.Next(0, n);
        }
        (assignment[i], assignment[j]) = (assignment[j], assignment[i]);
    }

    var assignment = Enumerable.Range(0, n).ToArray();
    var bestAssignment = (int[])assignment.Clone();
    var bestObjective = MqapObjective(assignment);

    for (var iteration = 0; iteration < maxIterations; iteration++)
    {
        temperature *= coolingRate;
        if (temperature == 0)
        {
            break;
        }

        var newAssignment = (int[])assignment.Clone();
        SwapRandom(newAssignment);
        var newObjective = MqapObjective(newAssignment);
        var deltaObjective = newObjective - MqapObjective(assignment);

        if (deltaObjective < 0 || random.NextDouble() < Math.Exp(-deltaObjective / temperature))
        {
            assignment = newAssignment;

            if (newObjective < bestObjective)
            {
                bestAssignment = (int[])assignment.Clone();
                bestObjective = newObjective;
            }
        }
    }

    return bestAssignment;
}
