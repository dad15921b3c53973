using System.Diagnostics;

double Utility(string algorithmStr)
{
    // Implements the Modified Quadratic Assignment Problem (MQAP) with n facilities/locations.
    // Returns the objective value, where higher is better.
    // The algorithm must be extremely fast. If it takes more than 500 milliseconds to run, it is a failure.
    // Your algorithm function must be named 'Algorithm' and take three arguments: F, D, and P,
    // which are double[n][n] arrays containing the flow, distance, and preference matrices.
    var nTests = 20;
    var n = 15; // Number of facilities and locations
    var lambdaValue = 0.5; // Preference weight
    var averageObjective = 0.0;
    var random = new Random();

    Func<double[][], double[][], double[][], int[]> algorithm;
    try
    {
        algorithm = Compile<Func<double[][], double[][], double[][], int[]>>(algorithmStr, "Algorithm");
    }
    catch
    {
        return 0;
    }

    double[][] RandomMatrix() =>
        Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToArray();

    for (var testIdx = 0; testIdx < nTests; testIdx++)
    {
        var F = RandomMatrix();
        var D = RandomMatrix();
        var P = RandomMatrix();

        try
        {
            var stopwatch = Stopwatch.StartNew();
            var assignmentTask = Task.Run(() => algorithm(F, D, P));
            if (!assignmentTask.Wait(TimeSpan.FromSeconds(0.01)))
            {
                throw new TimeoutException();
            }
            var assignment = assignmentTask.Result;
            var totalTime = stopwatch.Elapsed.TotalSeconds;

            double objective;
            if (assignment.ToHashSet().SetEquals(Enumerable.Range(0, n)))
            {
                objective = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n).Select(j => F[i][j] * D[assignment[i]][assignment[j]])).Sum();
                objective -= lambdaValue * Enumerable.Range(0, n).Sum(i => P[i][assignment[i]]);
                objective += totalTime;
            }
            else
            {
                objective = 0;
            }

            averageObjective += objective / nTests;
        }
        catch
        {
            averageObjective += 0;
        }
    }

    return averageObjective;
}
