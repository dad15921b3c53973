using Stop.Tasks.MaxCut;
using Stop.Tasks.Parity;
using Stop.Tasks.QuadraticAssignment;
using Stop.Tasks.StringGridDistance;
using Stop.Tasks.ThreeSat;

namespace Stop.Tasks;

/// <summary>Every downstream task Stop ships, by name.</summary>
public static class TaskCatalog
{
    /// <summary>The tasks, in the order the paper lists them.</summary>
    public static IReadOnlyList<DownstreamTask> All { get; } =
    [
        new ParityNoiseTask(),
        new StrGridDistTask(),
        new ModifiedQuadraticAssignmentTask(),
        new ThreeSatTask(),
        new MaxCutTask(),
        new ParityNoiselessTask(),
    ];

    /// <summary>Finds a task by its folder name.</summary>
    public static bool TryGet(string name, out DownstreamTask task)
    {
        task = All.FirstOrDefault(t => t.Name == name)!;
        return task is not null;
    }

    /// <summary>Finds a task by its folder name, or throws naming the tasks there are.</summary>
    public static DownstreamTask Get(string name) =>
        TryGet(name, out var task)
            ? task
            : throw new ArgumentException($"Unknown task '{name}'. Known tasks: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
}
