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
    IReadOnlyDictionary<string, string> Sandbox)
{
    public const string CurrentFormat = "stop-run/1";
}
