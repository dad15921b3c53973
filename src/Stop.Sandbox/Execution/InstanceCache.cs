using System.Collections.Concurrent;
using Stop.Tasks;

namespace Stop.Sandbox.Execution;

/// <summary>
/// A worker's instances, each generated once per process and handed out with fresh argument copies: generating the
/// twenty parity_noise val instances took a third as long as running the seed on them, for every candidate.
/// </summary>
internal static class InstanceCache
{
    private static readonly ConcurrentDictionary<(string Task, Split Split, int Index), TaskInstance> Generated = new();

    /// <summary>Instance <paramref name="index"/> of a task's split, with arguments no earlier caller has seen.</summary>
    public static TaskInstance Get(DownstreamTask task, Split split, int index) =>
        Generated.GetOrAdd((task.Name, split, index), key => task.CreateInstance(key.Split, key.Index)).WithFreshArguments();
}
