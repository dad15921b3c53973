// TEMPORARY: stands in for the policy being written on the `policy` branch; deleted at merge.
using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

public enum PolicyCategory { Files, Other }

public sealed record PolicyViolation(string Symbol, int Line, PolicyCategory Category, string Reason)
{
    public string Message => $"line {Line}: {Symbol} is refused ({Reason})";
}

public sealed record PolicyReport(IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<SyntaxNode> RandomRewrites);

public static class CandidatePolicy
{
    public const string InstrumentationAnnotationKind = "stop-instrumented";

    public static PolicyReport Check(SemanticModel model, SyntaxNode root, CancellationToken ct = default) => new([], []);
}
