using Stop.Runs.Configuration;

namespace Stop.Runs.RunDirectories;

/// <summary>What a run was: its configuration, the software, the task instances and who produced the responses.</summary>
public sealed record RunManifest(
    string Format,
    DateTimeOffset CreatedAt,
    RunOptions Options,
    string Provider,
    string ModelName,
    string ResponsesProducedBy,
    string StopVersion,
    string Runtime,
    IReadOnlyDictionary<string, string> TaskInstanceHashes,
    string SeedImprover,
    IReadOnlyDictionary<string, string> Sandbox,
    IReadOnlyList<Rescoring>? Rescored = null)
{
    public const string CurrentFormat = "stop-run/1";
}

/// <summary>
/// A later version of Stop re-scored the run from its own cassette (<c>stop replay --rescore</c>): every request
/// was the one recorded, so the responses are the run's own, and only what Stop computed from them was rewritten.
/// </summary>
/// <param name="At">When.</param>
/// <param name="StopVersion">The version that re-scored it.</param>
/// <param name="EventsChanged">How many recorded events it rewrote.</param>
/// <param name="Why">The reason given, such as the change to the scorer.</param>
public sealed record Rescoring(DateTimeOffset At, string StopVersion, int EventsChanged, string Why);
