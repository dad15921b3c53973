using Stop.Tasks.Generation;

namespace Stop.Tasks.QuadraticAssignment;

/// <summary>
/// A modified quadratic assignment problem as STOP draws it: flow F, distance D and preference P, each
/// 15×15 uniform in [0, 1), drawn in that order row by row. The objective of a permutation a is
/// Σᵢⱼ F[i][j]·D[a(i)][a(j)] − λ·Σᵢ P[i][a(i)] with λ = 0.5, to be minimised.
/// <see cref="LowerBound"/> and <see cref="UpperBound"/> bound it over every permutation.
/// </summary>
internal sealed record QuadraticAssignmentProblem(double[][] F, double[][] D, double[][] P, double LowerBound, double UpperBound)
{
    public const int Size = 15;
    public const double Lambda = 0.5;

    public static QuadraticAssignmentProblem Generate(SplitMix64 rng)
    {
        var f = Matrix(rng);
        var d = Matrix(rng);
        var p = Matrix(rng);
        var (lower, upper) = Bounds(f, d, p);
        return new QuadraticAssignmentProblem(f, d, p, lower, upper);
    }

    public double Objective(int[] assignment)
    {
        var objective = 0.0;
        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                objective += F[i][j] * D[assignment[i]][assignment[j]];
            }
        }
        for (var i = 0; i < Size; i++)
        {
            objective -= Lambda * P[i][assignment[i]];
        }
        return objective;
    }

    private static double[][] Matrix(SplitMix64 rng)
    {
        var matrix = new double[Size][];
        for (var i = 0; i < Size; i++)
        {
            matrix[i] = new double[Size];
            for (var j = 0; j < Size; j++)
            {
                matrix[i][j] = rng.NextDouble();
            }
        }
        return matrix;
    }

    /// <summary>
    /// A permutation maps the diagonal of D onto the diagonal and the off-diagonal entries onto the
    /// off-diagonal one to one, so by the rearrangement inequality each part of the quadratic term lies
    /// between the dot products of the sorted entries paired oppositely and paired alike. The linear term
    /// lies between λ·Σᵢ maxⱼ P[i][j] and λ·Σᵢ minⱼ P[i][j] taken off.
    /// </summary>
    private static (double Lower, double Upper) Bounds(double[][] f, double[][] d, double[][] p)
    {
        var (diagonalLow, diagonalHigh) = DotProductRange(Diagonal(f), Diagonal(d));
        var (offLow, offHigh) = DotProductRange(OffDiagonal(f), OffDiagonal(d));
        var preferenceHigh = p.Sum(row => row.Max());
        var preferenceLow = p.Sum(row => row.Min());
        return (diagonalLow + offLow - Lambda * preferenceHigh, diagonalHigh + offHigh - Lambda * preferenceLow);
    }

    private static double[] Diagonal(double[][] m) => [.. Enumerable.Range(0, Size).Select(i => m[i][i])];

    private static double[] OffDiagonal(double[][] m) =>
        [.. Enumerable.Range(0, Size).SelectMany(i => Enumerable.Range(0, Size).Where(j => j != i).Select(j => m[i][j]))];

    private static (double Low, double High) DotProductRange(double[] a, double[] b)
    {
        var ascendingA = a.Order().ToArray();
        var ascendingB = b.Order().ToArray();
        double low = 0, high = 0;
        for (var k = 0; k < ascendingA.Length; k++)
        {
            low += ascendingA[k] * ascendingB[^(k + 1)];
            high += ascendingA[k] * ascendingB[k];
        }
        return (low, high);
    }
}
