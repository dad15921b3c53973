using System.Collections.Concurrent;
using System.Diagnostics;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Workers;
using Stop.Sandbox.Workers.Protocol;
using Stop.Tasks;

namespace Stop.Sandbox;

/// <summary>
/// The candidate pipeline: admission in admission processes, execution in supervised worker processes. Workers are
/// reused while healthy and recycled after a crash, a backstop timeout, a candidate that reached the memory cap, or
/// <see cref="SandboxOptions.JobsPerWorker"/> jobs.
/// </summary>
public sealed class CandidateSandbox : IAsyncDisposable
{
    private readonly ConcurrentQueue<WorkerProcess> idle = new();
    private readonly CpuSlots slots;
    private readonly Lazy<AdmissionQueue> admission;
    private int workersStarted;

    public CandidateSandbox(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        slots = new CpuSlots(Options.Parallelism);
        // As many threads as admissions can hold CPU slots at once, so an admission never waits for a thread.
        admission = new(() => new AdmissionQueue(NewAdmitter, slots, Options.Parallelism, Options.MaxAdmissionBatch));
    }

    public SandboxOptions Options { get; }

    private IAdmitter NewAdmitter() => Options.IsolateAdmission
        ? new AdmissionProcess(Options)
        : new InProcessAdmitter(new CandidateCompiler(Options.AdmissionBackstop));

    /// <summary>Workers started so far (a measure of recycling).</summary>
    public int WorkersStarted => Volatile.Read(ref workersStarted);

    /// <summary>Admits a solution for a task: extract, compile, check, instrument.</summary>
    public Task<AdmittedCandidate> AdmitSolutionAsync(string text, DownstreamTask task, CancellationToken cancellationToken = default) =>
        AdmitAsync(text, CandidateKind.Solution, EntrySignature.Solution(task.ParameterTypes), cancellationToken);

    /// <summary>Admits an improver.</summary>
    public Task<AdmittedCandidate> AdmitImproverAsync(string text, CancellationToken cancellationToken = default) =>
        AdmitAsync(text, CandidateKind.Improver, EntrySignature.Improver, cancellationToken);

    /// <summary>
    /// Admits a candidate, holding a CPU slot while it compiles; candidates waiting together are compiled together.
    /// </summary>
    public Task<AdmittedCandidate> AdmitAsync(string text, CandidateKind kind, EntrySignature signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        return admission.Value.AdmitAsync(new AdmissionRequest(text, kind, signature), cancellationToken);
    }

    /// <summary>Admission passes so far and the requests they admitted: their ratio is the mean batch size.</summary>
    public (long Passes, long Requests) AdmissionCounts => admission.IsValueCreated ? admission.Value.Counts : (0, 0);

    /// <summary>Admits and scores a solution text on one split.</summary>
    public async Task<Evaluation> ScoreAsync(string text, DownstreamTask task, Split split, CancellationToken cancellationToken = default)
    {
        var candidate = await AdmitSolutionAsync(text, task, cancellationToken).ConfigureAwait(false);
        return await EvaluateAsync(candidate, task, split, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scores an admitted solution on one split in a worker; a refused candidate scores 0 with its refusal.</summary>
    public async Task<Evaluation> EvaluateAsync(AdmittedCandidate candidate, DownstreamTask task, Split split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(task);
        var splitName = split.ToString().ToLowerInvariant();
        if (!candidate.IsAdmitted)
        {
            return new Evaluation(task.Name, splitName, candidate.Hash, candidate.Refusal!.Value, candidate.Reason, 0, 0, 0,
                candidate.DecidedBy, [], candidate.Diagnostics, candidate.Violations, "");
        }
        var job = new EvaluateSolution(CandidateImage.Of(candidate), task.Name, splitName, new Limits(task.FuelPerInstance, Options.MaxDepth, Options.MaxOutputChars));
        var clock = Stopwatch.StartNew();
        var (outcome, failure) = await RunJobAsync(job, NoCalls, cancellationToken).ConfigureAwait(false);
        var wallMs = clock.Elapsed.TotalMilliseconds;
        if (failure is not null)
        {
            return new Evaluation(task.Name, splitName, candidate.Hash, failure.Verdict, failure.Reason, task.FailureFloor, 0, wallMs,
                failure.DecidedBy, [], [], [], "");
        }
        var result = (SolutionOutcome)outcome!;
        var verdict = VerdictNames.Parse(result.Verdict);
        var decidedBy = verdict == Verdict.OutOfMemory ? DecidedBy.MemoryCap : DecidedBy.Counted;
        return new Evaluation(task.Name, splitName, candidate.Hash, verdict, result.Reason, result.Score, result.Fuel, wallMs,
            decidedBy, result.Instances, [], [], result.Console);
    }

    /// <summary>Runs an admitted improver once; its model and utility calls are answered by <paramref name="calls"/>.</summary>
    public async Task<ImproverRun> RunImproverAsync(AdmittedCandidate improver, ImproverInput input, IImproverCalls calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(improver);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calls);
        if (!improver.IsAdmitted)
        {
            return new ImproverRun(improver.Hash, improver.Refusal!.Value, improver.Reason, null, 0, 0, improver.DecidedBy, "");
        }
        var job = new RunImprover(CandidateImage.Of(improver), input, new Limits(Options.ImproverFuel, Options.MaxDepth, Options.MaxOutputChars));
        var clock = Stopwatch.StartNew();
        var (outcome, failure) = await RunJobAsync(job, (call, ct) => Answer(calls, call, ct), cancellationToken).ConfigureAwait(false);
        var wallMs = clock.Elapsed.TotalMilliseconds;
        if (failure is not null)
        {
            return new ImproverRun(improver.Hash, failure.Verdict, failure.Reason, null, 0, wallMs, failure.DecidedBy, "");
        }
        var result = (ImproverOutcome)outcome!;
        var verdict = VerdictNames.Parse(result.Verdict);
        return new ImproverRun(improver.Hash, verdict, result.Reason, result.Result, result.Fuel, wallMs,
            verdict == Verdict.OutOfMemory ? DecidedBy.MemoryCap : DecidedBy.Counted, result.Console);
    }

    private static async Task<CallReply> Answer(IImproverCalls calls, Message call, CancellationToken cancellationToken)
    {
        try
        {
            return call switch
            {
                PromptCall p => new CallReply(await calls.PromptAsync(p.LanguageModel, p.Expertise, p.Messages, p.Temperature, cancellationToken).ConfigureAwait(false), null, null),
                ScoreCall s => new CallReply(null, await calls.ScoreAsync(s.Utility, s.Solution, cancellationToken).ConfigureAwait(false), null),
                _ => throw new InvalidDataException($"Not a call: {call.GetType().Name}"),
            };
        }
        catch (ImproverCallException exception)
        {
            return new CallReply(null, null, exception.Message);
        }
    }

    private static Task<CallReply> NoCalls(Message call, CancellationToken cancellationToken) =>
        Task.FromResult(new CallReply(null, null, "A solution has no language model or utility to call."));

    private async Task<(Message? Outcome, WorkerFailure? Failure)> RunJobAsync(
        Message job, Func<Message, CancellationToken, Task<CallReply>> answer, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var worker = Acquire();
        try
        {
            var result = await worker.RunAsync(job, answer, slots, job is RunImprover ? Options.ImproverBackstop : Options.Backstop, cancellationToken).ConfigureAwait(false);
            var verdict = result.Outcome switch { SolutionOutcome s => s.Verdict, ImproverOutcome i => i.Verdict, _ => null };
            if (verdict == Verdict.OutOfMemory.ToWord() || result.Outcome is SolutionOutcome { Spent: true } or ImproverOutcome { Spent: true })
            {
                worker.Retire();
            }
            return result;
        }
        finally
        {
            // Back in the idle queue before the slot is free, so the next job finds it rather than starting another.
            var retired = Return(worker);
            slots.Release();
            if (retired is not null)
            {
                await retired.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private WorkerProcess Acquire()
    {
        while (idle.TryDequeue(out var worker))
        {
            if (worker.IsHealthy)
            {
                return worker;
            }
            _ = worker.DisposeAsync();
        }
        Interlocked.Increment(ref workersStarted);
        return WorkerProcess.Start(Options);
    }

    /// <summary>Queues a worker for the next job, or returns it when it is to be retired.</summary>
    private WorkerProcess? Return(WorkerProcess worker)
    {
        if (worker.IsHealthy && worker.JobsRun < Options.JobsPerWorker)
        {
            idle.Enqueue(worker);
            return null;
        }
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryDequeue(out var worker))
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
        // Admission first: its threads hold and release CPU slots until the queue is drained.
        if (admission.IsValueCreated)
        {
            admission.Value.Dispose();
        }
        slots.Dispose();
    }
}
