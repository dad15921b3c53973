using System.Collections.Concurrent;
using Stop.Sandbox.Workers;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Admission;

/// <summary>
/// One admission thread's admission process. A batch the process fails on (it overran the backstop and was killed,
/// reached its memory cap, or died) is admitted again one request at a time, each in a sound process, so that the
/// failure lands on the one candidate that caused it; a candidate that fails alone is refused as a compile error, with
/// a reason naming what stopped it, and recorded as decided by that clock or cap, never as decided by its text.
/// <para>
/// A new process spends seconds compiling Roslyn itself before its first candidate. It does so on a warm-up candidate
/// of its own, outside any candidate's backstop; and a sound process outlives its sandbox: it waits, idle, for the
/// program's next sandbox with the same command and memory cap. Admission keeps no state from one batch to the next
/// that could change what it makes of a text.
/// </para>
/// </summary>
internal sealed class AdmissionProcess(SandboxOptions options) : IAdmitter
{
    /// <summary>
    /// How long past the backstop a silent process is given before it is killed: the process's own backstop, through
    /// Roslyn's cancellation, answers within it whenever Roslyn looks at its token.
    /// </summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a new process may take over its warm-up: compiling Roslyn's own code takes seconds, more on a loaded
    /// machine, and must not count against the first candidate's backstop.
    /// </summary>
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromMinutes(5);

    /// <summary>What a new process admits before any candidate: a small solution that takes the batch path and the policy's walk.</summary>
    private static readonly AdmitCandidates WarmUp = new(
        [CandidateText.Of(new AdmissionRequest(
            "int[] Algorithm(int[][] a, int[] b, int[][] c) => c.Select(s => s.Sum() % 2).ToArray();\nrecord struct R(int X);",
            CandidateKind.Solution, EntrySignature.Solution([typeof(int[][]), typeof(int[]), typeof(int[][])])))],
        WarmUpLimit);

    private static readonly ConcurrentDictionary<string, ConcurrentBag<WorkerProcess>> Idle = new();

    /// <summary>
    /// The most text sent in one batch, in characters. JSON may spell a character in six bytes, and a frame may hold
    /// <see cref="Channel.MaxFrameBytes"/>; a longer batch is admitted in parts.
    /// </summary>
    private const long MaxBatchChars = CandidateCompiler.MaxTextChars * 2L;

    private WorkerProcess? process;

    /// <summary>The id of the process this admitter holds, if any (for tests that kill it from outside).</summary>
    internal int? ProcessId => process?.Id;

    public IReadOnlyList<AdmittedCandidate> AdmitMany(IReadOnlyList<AdmissionRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }
        if (requests.Count == 1 && CandidateCompiler.TooLong(requests[0]) is { } tooLong)
        {
            // Refused here, as the compiler would refuse it: it would not fit in a frame to the process.
            return [tooLong];
        }
        if (requests.Count > 1 && requests.Sum(r => (long)r.Text.Length) > MaxBatchChars)
        {
            // What admission makes of a text does not depend on its company: halves cross the channel more surely.
            var half = requests.Count / 2;
            return [.. AdmitMany([.. requests.Take(half)]), .. AdmitMany([.. requests.Skip(half)])];
        }
        var (admitted, failure) = Run(requests);
        if (admitted is not null)
        {
            return admitted;
        }
        if (requests.Count > 1)
        {
            return [.. requests.SelectMany(request => AdmitMany([request]))];
        }
        if (failure!.DecidedBy != DecidedBy.WallClockBackstop)
        {
            // Once more in a new process: a process can die of something that is not the candidate's (the kernel's
            // OOM killer, a signal from outside). Time past the backstop is not spent twice.
            (admitted, var again) = Run(requests);
            failure = again ?? failure;
        }
        return admitted ?? [Refused(requests[0], failure)];
    }

    private (IReadOnlyList<AdmittedCandidate>? Admitted, WorkerFailure? Failure) Run(IReadOnlyList<AdmissionRequest> requests)
    {
        // After a batch meets the backstop, the process admits its requests alone, each within the backstop again; only
        // the first overrun is waited out here, and the batch is then retried request by request from this side.
        var (outcome, failure) = Send(new AdmitCandidates([.. requests.Select(CandidateText.Of)], options.AdmissionBackstop), options.AdmissionBackstop);
        if (failure is not null)
        {
            return (null, failure);
        }
        if (outcome is CandidatesAdmitted answer && answer.Unpack() is { } candidates && candidates.Count == requests.Count)
        {
            return (candidates, null);
        }
        return (null, Unexpected(outcome));
    }

    /// <summary>
    /// What the analysis registered as <paramref name="analysis"/> with the admission process makes of
    /// <paramref name="text"/>; or, when the process could not say within <paramref name="backstop"/> and its memory
    /// cap, why not. A text admission would refuse as too long is not sent.
    /// </summary>
    public (string? Result, string? Failure) Analyse(string analysis, string text, TimeSpan backstop)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > CandidateCompiler.MaxTextChars)
        {
            return (null, $"it is longer than admission takes ({CandidateCompiler.MaxTextChars:N0} characters)");
        }
        var (outcome, failure) = Send(new AnalyseText(analysis, CandidateCompiler.AsUtf8(text), backstop), backstop);
        if (failure is null && outcome is not TextAnalysed)
        {
            failure = Unexpected(outcome);
        }
        return outcome is TextAnalysed analysed ? (analysed.Result, null) : (null, failure!.Verdict switch
        {
            _ when failure.DecidedBy == DecidedBy.WallClockBackstop => $"reading it took more than {backstop.TotalSeconds:0.#} s",
            Verdict.OutOfMemory => $"reading it took more than the admission process's memory cap ({options.AdmissionMemoryBytes >> 20} MB)",
            _ => $"the admission process failed while reading it: {failure.Reason}",
        });
    }

    /// <summary>Retires the process that answered a job with <paramref name="outcome"/>, which is not the answer to it, and says so.</summary>
    private WorkerFailure Unexpected(Message? outcome)
    {
        Retire();
        return new WorkerFailure(Verdict.Crashed, $"the admission process answered with {outcome?.GetType().Name ?? "nothing"}", DecidedBy.Counted);
    }

    /// <summary>Sends one job to this admitter's process, a sound one (taken from the idle ones, or started); a process that failed it is retired.</summary>
    private (Message? Outcome, WorkerFailure? Failure) Send(Message job, TimeSpan backstop)
    {
        if (process is { HasExited: true } or { IsHealthy: false })
        {
            // Died while idle, or was killed from outside: not the next candidate's doing.
            Retire();
        }
        if (process is null)
        {
            var (taken, broken) = Take();
            if (taken is null)
            {
                return (null, broken);
            }
            process = taken;
        }
        var (outcome, failure) = process.RunAsync(job, backstop + Grace, CancellationToken.None).GetAwaiter().GetResult();
        if (failure is not null || !process.IsHealthy || process.JobsRun >= options.JobsPerWorker)
        {
            Retire();
        }
        return (outcome, failure);
    }

    /// <summary>
    /// The candidate refused for what its admission process met: a compile error either way. Its code is its text
    /// whole, since finding the code in a text can mean parsing it, which the host never does with a candidate's text.
    /// </summary>
    private AdmittedCandidate Refused(AdmissionRequest request, WorkerFailure failure)
    {
        if (failure.DecidedBy == DecidedBy.WallClockBackstop)
        {
            return CandidateCompiler.TooSlow(request, options.AdmissionBackstop);
        }
        var reason = failure.Verdict switch
        {
            Verdict.OutOfMemory => $"compiling it took more than the admission process's memory cap ({options.AdmissionMemoryBytes >> 20} MB)",
            _ when failure.StackOverflowed => "compiling it overflowed the admission process's stack",
            _ => $"the admission process failed while compiling it: {failure.Reason}",
        };
        return CandidateCompiler.NotCompiled(CandidateCompiler.AsUtf8(request.Text), request.Kind, reason, failure.DecidedBy);
    }

    private string Key => $"{options.AdmissionMemoryBytes}\n{string.Join('\n', options.WorkerCommand ?? [])}";

    /// <summary>An idle process, or a new one once it has warmed up; or why a new one could not.</summary>
    private (WorkerProcess? Process, WorkerFailure? Failure) Take()
    {
        if (Idle.TryGetValue(Key, out var idle))
        {
            while (idle.TryTake(out var waiting))
            {
                if (waiting.IsHealthy && !waiting.HasExited)
                {
                    return (waiting, null);
                }
                waiting.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        var started = WorkerProcess.Start(options, WorkerRole.Admission);
        var (outcome, failure) = started.RunAsync(WarmUp, WarmUpLimit, CancellationToken.None).GetAwaiter().GetResult();
        if (failure is null && outcome is CandidatesAdmitted { Candidates: [{ IsAdmitted: true }] })
        {
            return (started, null);
        }
        started.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (null, failure ?? new WorkerFailure(Verdict.Crashed, "a new admission process did not admit its warm-up candidate", DecidedBy.Counted));
    }

    private void Retire()
    {
        process?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        process = null;
    }

    /// <summary>Leaves a sound process idle for the next sandbox (a few at most per command and cap); retires any other.</summary>
    public void Dispose()
    {
        if (process is { IsHealthy: true, HasExited: false } sound)
        {
            var idle = Idle.GetOrAdd(Key, _ => []);
            if (idle.Count < 2 * Environment.ProcessorCount)
            {
                idle.Add(sound);
                process = null;
                return;
            }
        }
        Retire();
    }
}
