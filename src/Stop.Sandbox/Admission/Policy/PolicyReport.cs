using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>What the candidate policy found in one candidate.</summary>
/// <param name="Violations">Everything refused, in line order; empty when the candidate is admitted.</param>
/// <param name="RandomRewrites">
/// The <c>new Random()</c> creations (explicit or target-typed) and <c>Random.Shared</c> accesses that
/// instrumentation must send to seeded generators. They are allowed, not violations.
/// </param>
public sealed record PolicyReport(IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<SyntaxNode> RandomRewrites)
{
    /// <summary>True when nothing was refused.</summary>
    public bool IsAdmitted => Violations.Count == 0;
}
