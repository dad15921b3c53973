using Stop.Sandbox.Admission.Policy;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox;

/// <summary>A solution's score on one split of a task, with everything needed to explain it.</summary>
public sealed record Evaluation(
    string Task,
    string Split,
    string CandidateHash,
    Verdict Verdict,
    string Reason,
    double Score,
    long Fuel,
    double WallMs,
    DecidedBy DecidedBy,
    IReadOnlyList<InstanceOutcome> Instances,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<PolicyViolation> Violations,
    string Console);
