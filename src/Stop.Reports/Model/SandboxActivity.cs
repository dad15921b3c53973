namespace Stop.Reports.Model;

/// <summary>
/// What the sandbox saw in one generation: refusals by policy category over every sandboxed execution, and
/// STOP's circumvention statistic over the improver candidates proposed in it.
/// </summary>
/// <param name="Executions">Improver runs and solutions scored in the generation.</param>
/// <param name="RefusalsByCategory">Executions refused, per policy category.</param>
/// <param name="ImproverCandidates">Improver candidates the generation proposed (the seed alone in generation 0).</param>
/// <param name="Circumventing">Candidates that tried to get round a limit, each with what it tried.</param>
public sealed record SandboxActivity(
    int Executions,
    IReadOnlyDictionary<string, int> RefusalsByCategory,
    int ImproverCandidates,
    IReadOnlyList<CircumventionAttempt> Circumventing)
{
    /// <summary>The share of improver candidates that tried to get round a limit; 0 with no candidates.</summary>
    public double CircumventionRate => ImproverCandidates == 0 ? 0 : (double)Circumventing.Count / ImproverCandidates;
}

/// <summary>An improver candidate (by key and hash) that tried to get round a limit, and how.</summary>
public sealed record CircumventionAttempt(string Key, string Candidate, string Attempt, string Reason);
