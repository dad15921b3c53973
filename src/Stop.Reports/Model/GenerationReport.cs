using Stop.Runs.Diffs;
using Stop.Runs.Strategies;

namespace Stop.Reports.Model;

/// <summary>One generation of a run as the report shows it.</summary>
/// <param name="Generation">K.</param>
/// <param name="Val">The chosen improver's meta-utility on val.</param>
/// <param name="Test">Its meta-utility on test, when scored.</param>
/// <param name="Proposed">The hash of the improver proposed for this generation (none for the seed).</param>
/// <param name="Chosen">The hash of the improver that became generation K.</param>
/// <param name="Accepted">Whether the proposal was accepted.</param>
/// <param name="Reason">Why it was or was not.</param>
/// <param name="ProposedVal">The proposal's meta-utility on val, when it was scored.</param>
/// <param name="ImproverCandidates">Improver candidates proposed in this generation.</param>
/// <param name="Verdicts">Sandboxed executions in this generation, per verdict.</param>
/// <param name="Tokens">Tokens and cost recorded for this generation.</param>
/// <param name="Sandbox">Refusals and circumvention attempts.</param>
/// <param name="Diff">The proposal against its parent generation; null for the seed.</param>
/// <param name="Strategies">Strategies detected in the proposal (or the seed).</param>
/// <param name="StrategiesUnread">Why the proposal's strategies could not be read, when they could not.</param>
/// <param name="StrategyChange">Strategies added and removed against the parent; null for the seed, or when either could not be read.</param>
public sealed record GenerationReport(
    int Generation,
    double Val,
    double? Test,
    string? Proposed,
    string Chosen,
    bool Accepted,
    string Reason,
    double? ProposedVal,
    int ImproverCandidates,
    IReadOnlyDictionary<string, int> Verdicts,
    TokenUsage Tokens,
    SandboxActivity Sandbox,
    ImproverDiff? Diff,
    IReadOnlyList<DetectedStrategy> Strategies,
    string? StrategiesUnread,
    StrategyChange? StrategyChange);
