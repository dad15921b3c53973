using System.Text.Json.Serialization;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Admission;

/// <summary>
/// The outcome of admission: extract, compile, check, instrument. An admitted candidate carries the
/// emitted assembly bytes, ready for a worker; a refused one carries its verdict and the reasons a model
/// can learn from (compiler diagnostics or the refused symbols), and what decided the refusal: almost always the
/// text itself, but a candidate that outlasted admission's wall-clock backstop or its memory cap was refused by them.
/// </summary>
public sealed record AdmittedCandidate(
    string Hash,
    string Code,
    CandidateKind Kind,
    Verdict? Refusal,
    string Reason,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<PolicyViolation> Violations,
    byte[]? Assembly,
    EntryPoint? Entry,
    DecidedBy DecidedBy = DecidedBy.Counted)
{
    /// <summary>True when the candidate compiled and passed the policy.</summary>
    [JsonIgnore]
    public bool IsAdmitted => Refusal is null;
}

/// <summary>
/// Where a worker finds the candidate's method: a type by metadata name and a method on it; and whether the script
/// has top-level code (statements or initializers) that must run first.
/// </summary>
public sealed record EntryPoint(string TypeName, string MethodName, bool IsStatic, bool HasTopLevelCode, string ParameterTypes);
