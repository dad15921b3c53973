using System.Text.Json.Serialization;

namespace Stop.Runs.RunDirectories;

/// <summary>
/// One line of a run's event log. Every event has a key fixed by its logical place in the run (not by
/// when it happened), so a replay can match each of its events to the recorded one. Timings are kept but
/// never compared.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SolutionScored), "solution-scored")]
[JsonDerivedType(typeof(ImproverRan), "improver-ran")]
[JsonDerivedType(typeof(MetaUtilityScored), "meta-utility")]
[JsonDerivedType(typeof(GenerationDecided), "generation")]
public abstract record RunEvent(string Key);

/// <summary>A solution scored by a task's hidden scorer.</summary>
public sealed record SolutionScored(
    string Key,
    string Candidate,
    string Task,
    string Split,
    string Verdict,
    string Reason,
    double Score,
    long Fuel,
    string DecidedBy,
    IReadOnlyList<string> Refused,
    double WallMs) : RunEvent(Key);

/// <summary>An improver run in the sandbox: what it returned (by hash) or why it failed.</summary>
public sealed record ImproverRan(
    string Key,
    string Candidate,
    string Verdict,
    string Reason,
    string? Result,
    long Fuel,
    string DecidedBy,
    IReadOnlyList<string> Refused,
    int ModelCalls,
    int UtilityCalls,
    double WallMs) : RunEvent(Key);

/// <summary>An improver's meta-utility: the mean downstream val utility of what its k runs returned, and test.</summary>
public sealed record MetaUtilityScored(
    string Key,
    string Improver,
    double Val,
    double? Test,
    IReadOnlyList<double> ValPerRun,
    IReadOnlyList<double>? ValPerInstance,
    string Reason) : RunEvent(Key);

/// <summary>Which improver became generation <see cref="Generation"/>, and why.</summary>
public sealed record GenerationDecided(
    string Key,
    int Generation,
    string? Proposed,
    string Chosen,
    bool Accepted,
    string Reason,
    double Val,
    double? Test) : RunEvent(Key);
