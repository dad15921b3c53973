namespace Stop.Tasks.Tests.Support;

/// <summary>Runs a solver in-process on every instance of a split, as the sandbox would, minus the sandbox.</summary>
internal static class Scoring
{
    public static double[] Scores(DownstreamTask task, Split split, Func<TaskInstance, object?> solve) =>
        [.. Enumerable.Range(0, task.InstanceCount(split)).Select(index =>
        {
            var instance = task.CreateInstance(split, index);
            return task.ScoreInstance(instance, solve(instance));
        })];

    public static double Mean(DownstreamTask task, Split split, Func<TaskInstance, object?> solve) =>
        Scores(task, split, solve).Average();
}
