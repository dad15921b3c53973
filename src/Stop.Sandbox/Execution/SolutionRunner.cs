using System.Diagnostics;
using System.Collections;
using Stop.Sandbox.Workers.Protocol;
using Stop.Tasks;

namespace Stop.Sandbox.Execution;

/// <summary>
/// Scores a solution inside a worker, instance by instance, as STOP's hidden scorers do: the mean of the
/// instance scores; an exception or a timeout ends the candidate at the task's failure floor, or scores 0 for its
/// instance, as the task's scorer in STOP has it (<see cref="DownstreamTask.OnException"/>,
/// <see cref="DownstreamTask.OnTimeout"/>); running out of memory ends it; a malformed output scores 0 for its
/// instance. The verdict is that of the instance that ended the candidate, if one did (it decided the score), else of
/// the first instance that was not ok.
/// </summary>
[StackTraceHidden]
internal static class SolutionRunner
{
    /// <summary>Seed for the script's top-level code, which runs before any instance.</summary>
    private const int InitializationSeed = 0;

    /// <summary>Scores the job's candidate; <paramref name="scored"/> hears how many instances are done after each.</summary>
    public static SolutionOutcome Run(EvaluateSolution job, BoundedWriter console, Action<int>? scored = null)
    {
        var task = TaskCatalog.Get(job.Task);
        var split = Enum.Parse<Split>(job.Split, ignoreCase: true);
        var count = task.InstanceCount(split);
        var instances = new List<InstanceOutcome>(count);
        console.Reset(job.Limits.MaxOutputChars);

        using var candidate = LoadedCandidate.Load(job.Candidate);
        var init = MeteredCall.Run([StackTraceHidden] () => { candidate.Initialize(); return null; }, job.Limits.Fuel, job.Limits.MaxDepth, InitializationSeed);
        if (init.Verdict != Verdict.Ok)
        {
            return Ended(task, init.Verdict, $"top-level code: {init.Reason}", init.Fuel, instances, console);
        }

        var fuel = init.Fuel;
        var total = 0.0;
        Verdict? firstProblem = null;
        string? firstReason = null;
        for (var index = 0; index < count; index++)
        {
            var instance = InstanceCache.Get(task, split, index);
            var call = MeteredCall.Run(
                [StackTraceHidden] () => Normalize(candidate.Invoke(instance.Arguments), task.ReturnType),
                job.Limits.Fuel, job.Limits.MaxDepth, instance.RandomSeed);
            fuel += call.Fuel;
            if (call.Verdict != Verdict.Ok && Failed(task, call.Verdict) == FailedInstance.EndsCandidate)
            {
                instances.Add(new InstanceOutcome(index, call.Verdict.ToWord(), task.FailureFloor, call.Fuel, call.Reason));
                return Ended(task, call.Verdict, $"instance {index}: {call.Reason}", fuel, instances, console);
            }
            // A failed instance that does not end the candidate, and a malformed output, score 0 for their instance.
            var malformed = call.Verdict == Verdict.Ok ? task.DescribeMalformed(instance, call.Value) : null;
            var (verdict, reason) = call.Verdict != Verdict.Ok ? (call.Verdict, call.Reason)
                : malformed is not null ? (Verdict.InvalidOutput, malformed)
                : (Verdict.Ok, null);
            var score = verdict == Verdict.Ok ? Math.Clamp(task.ScoreInstance(instance, call.Value), 0, 1) : 0;
            if (double.IsNaN(score))
            {
                score = 0;
            }
            total += score;
            instances.Add(new InstanceOutcome(index, verdict.ToWord(), score, call.Fuel, reason));
            if (verdict != Verdict.Ok && firstProblem is null)
            {
                firstProblem = verdict;
                firstReason = $"instance {index}: {reason}";
            }
            scored?.Invoke(index + 1);
        }
        return new SolutionOutcome(
            (firstProblem ?? Verdict.Ok).ToWord(), firstReason ?? "ok", task.FinalScore(total / count), fuel, instances, console.Take());
    }

    private static FailedInstance Failed(DownstreamTask task, Verdict verdict) => verdict switch
    {
        Verdict.RuntimeError => task.OnException,
        Verdict.Timeout => task.OnTimeout,
        _ => FailedInstance.EndsCandidate,
    };

    private static SolutionOutcome Ended(DownstreamTask task, Verdict verdict, string reason, long fuel, List<InstanceOutcome> instances, BoundedWriter console) =>
        new(verdict.ToWord(), reason, task.FailureFloor, fuel, instances, console.Take());

    /// <summary>
    /// Lets a solution return any sequence where the task wants an array (STOP's scorers reshape with numpy);
    /// a lazy sequence is enumerated here, under the meter.
    /// </summary>
    private static object? Normalize(object? output, Type expected)
    {
        if (output is null || expected.IsInstanceOfType(output) || !expected.IsArray || output is not IEnumerable sequence)
        {
            return output;
        }
        var element = expected.GetElementType()!;
        var items = new List<object?>();
        foreach (var item in sequence)
        {
            if (item is not null && !element.IsInstanceOfType(item))
            {
                return output;
            }
            items.Add(item);
        }
        var array = Array.CreateInstance(element, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }
        return array;
    }
}
