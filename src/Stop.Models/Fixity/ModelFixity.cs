using System.Collections.Concurrent;

namespace Stop.Models.Fixity;

/// <summary>
/// The distinct model ids responses reported. A run is only comparable if one model answered it all; a
/// provider that silently swaps snapshots shows up here as a second id.
/// </summary>
public sealed class ModelFixity
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>Each reported id with how many responses reported it.</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(counts, StringComparer.Ordinal);

    /// <summary>The distinct ids, sorted.</summary>
    public IReadOnlyList<string> ModelIds => [.. counts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True while at most one model id has been seen.</summary>
    public bool IsFixed => counts.Count <= 1;

    /// <summary>Counts one response's reported id (null ids are not counted).</summary>
    public void Observe(string? modelId)
    {
        if (modelId is not null)
        {
            counts.AddOrUpdate(modelId, 1, (_, n) => n + 1);
        }
    }
}
