using System.Diagnostics;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Execution;
using Stop.Sandbox.Workers.Protocol;
using Stop.Tasks;

namespace Stop.Sandbox.Bench;

/// <summary>
/// Measures the candidate pipeline on this machine (<c>stop bench</c>). Every headline figure is a ratio of two
/// measurements taken in the same run, interleaved, after a warm-up, because these machines are shared and noisy.
/// </summary>
public sealed class PipelineBench(BenchOptions? options = null)
{
    // Variant index ranges, disjoint so no phase meets a candidate another phase has already compiled.
    private const int AdmissionBase = 90_000;
    private const int ThroughputBase = 80_000;
    private const int WarmUpBase = 99_000;
    private const int WarmUps = 5;
    private const int InFlightPerCore = 8;

    private readonly BenchOptions options = options ?? new BenchOptions();
    private readonly DownstreamTask task = TaskCatalog.Get("parity_noise");
    private readonly CandidateCompiler compiler = new();

    /// <summary>Runs admission, throughput, memory and end-to-end measurements in turn.</summary>
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var (admitMs, inHostMs, bareMs, phases) = await MeasureAdmissionAsync(cancellationToken).ConfigureAwait(false);
        var (sandboxedPerSecond, inProcessPerSecond) = await MeasureThroughputAsync(cancellationToken).ConfigureAwait(false);
        var (coldPerSecond, warmPerSecond, heapMb, workingSetMb) = await MeasureEndToEndAsync(cancellationToken).ConfigureAwait(false);
        return new BenchReport(
            admitMs / bareMs, admitMs, inHostMs, bareMs,
            sandboxedPerSecond / inProcessPerSecond, sandboxedPerSecond, inProcessPerSecond,
            heapMb, workingSetMb, warmPerSecond, coldPerSecond, options.EndToEndCandidates, Environment.ProcessorCount, phases);
    }

    /// <summary>
    /// Admission as the pipeline does it, in an admission process (the request's trip there and back included), against
    /// a bare emit of the same source in this process; admission in this process is timed too, to show what isolation
    /// costs.
    /// </summary>
    private async Task<(double AdmitMs, double InHostMs, double BareMs, IReadOnlyDictionary<string, double> Phases)> MeasureAdmissionAsync(CancellationToken cancellationToken)
    {
        Say($"admission: {options.AdmissionCandidates} candidates, admit (in an admission process, and in this one) against bare emit, interleaved");
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1, WorkerCommand = options.WorkerCommand });
        var admitIsolated = async (string code) =>
        {
            var clock = Stopwatch.StartNew();
            var candidate = await sandbox.AdmitSolutionAsync(code, task, cancellationToken).ConfigureAwait(false);
            var ms = clock.Elapsed.TotalMilliseconds;
            return candidate.IsAdmitted ? ms : throw new InvalidOperationException($"a bench candidate was refused: {candidate.Reason}");
        };
        for (var i = 0; i < WarmUps; i++)
        {
            await admitIsolated(SeedVariants.Get(WarmUpBase + 200 + i)).ConfigureAwait(false);
            Admit(SeedVariants.Get(WarmUpBase + i), cancellationToken);
            BareEmit.Emit(SeedVariants.Get(WarmUpBase + 100 + i));
        }
        var admit = new List<double>();
        var inHost = new List<double>();
        var bare = new List<double>();
        var phases = new List<double[]>();
        for (var i = 0; i < options.AdmissionCandidates; i++)
        {
            var code = SeedVariants.Get(AdmissionBase + i);
            // Rotate which goes first, so none always meets the warmer caches. Each process compiles the code once.
            var measures = new Func<Task>[]
            {
                async () => admit.Add(await admitIsolated(code).ConfigureAwait(false)),
                () => { inHost.Add(Time(() => Admit(code, cancellationToken))); return Task.CompletedTask; },
                () => { bare.Add(Time(() => BareEmit.Emit(code))); return Task.CompletedTask; },
            };
            for (var m = 0; m < measures.Length; m++)
            {
                await measures[(i + m) % measures.Length]().ConfigureAwait(false);
            }
            if (options.Verbose)
            {
                phases.Add(AdmissionPhases.Measure(SeedVariants.Get(AdmissionBase + 1000 + i)));
            }
        }
        var breakdown = options.Verbose
            ? AdmissionPhases.Names.Select((name, p) => (name, Median(phases.Select(t => t[p])))).ToDictionary(x => x.name, x => x.Item2)
            : [];
        return (Median(admit), Median(inHost), Median(bare), breakdown);
    }

    private async Task<(double Sandboxed, double InProcess)> MeasureThroughputAsync(CancellationToken cancellationToken)
    {
        Say($"throughput: {options.ThroughputCandidates} candidates on {task.Name} val, sandboxed against in-process, parallelism 1");
        var candidates = Enumerable.Range(ThroughputBase, options.ThroughputCandidates + WarmUps)
            .Select(i => Admit(SeedVariants.Get(i), cancellationToken)).ToList();
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1, WorkerCommand = options.WorkerCommand });
        var sandboxed = TimeSpan.Zero;
        var inProcess = TimeSpan.Zero;
        for (var i = 0; i < candidates.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var evaluation = await sandbox.EvaluateAsync(candidates[i], task, Split.Val, cancellationToken).ConfigureAwait(false);
            var sandboxedTime = clock.Elapsed;
            clock.Restart();
            var outcome = RunInProcess(candidates[i]);
            var inProcessTime = clock.Elapsed;
            if (evaluation.Verdict != Verdict.Ok || outcome.Verdict != "ok" || evaluation.Score != outcome.Score)
            {
                throw new InvalidOperationException(
                    $"bench candidate {i} scored differently: sandboxed {evaluation.Verdict} {evaluation.Score} ({evaluation.Reason}), in-process {outcome.Verdict} {outcome.Score}");
            }
            if (i >= WarmUps)
            {
                sandboxed += sandboxedTime;
                inProcess += inProcessTime;
            }
        }
        return (options.ThroughputCandidates / sandboxed.TotalSeconds, options.ThroughputCandidates / inProcess.TotalSeconds);
    }

    /// <summary>
    /// Scores a candidate in the bench's own process, as a worker would but with no process or channel between.
    /// Acceptable only because the bench's candidates are seed variants it generated itself, never model output.
    /// </summary>
    private SolutionOutcome RunInProcess(AdmittedCandidate candidate)
    {
        var image = CandidateImage.Of(candidate);
        var defaults = new SandboxOptions();
        var job = new EvaluateSolution(image, task.Name, "val", new Limits(task.FuelPerInstance, defaults.MaxDepth, defaults.MaxOutputChars));
        return SolutionRunner.Run(job, new BoundedWriter());
    }

    /// <summary>
    /// Two passes of distinct candidates through one sandbox. The first starts from a fresh sandbox (fresh workers; of
    /// the admission processes, the one the admission phase left idle is reused, as a program's later sandboxes reuse
    /// them, and the other is new); the second measures the steady state a long run lives in. Both are reported; heap growth is measured
    /// over both.
    /// </summary>
    private async Task<(double ColdPerSecond, double WarmPerSecond, double HeapMb, double WorkingSetMb)> MeasureEndToEndAsync(CancellationToken cancellationToken)
    {
        var count = options.EndToEndCandidates;
        var parallelism = Environment.ProcessorCount;
        var (heapBefore, workingSetBefore) = Memory();
        double cold, warm;
        long passes, requests;
        await using (var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = parallelism, WorkerCommand = options.WorkerCommand }))
        {
            Say($"end to end, first pass: {count} distinct candidates admitted and scored on {task.Name} val, parallelism {parallelism}, "
                + $"{parallelism * InFlightPerCore} in flight");
            cold = await PassAsync(sandbox, 0, cancellationToken).ConfigureAwait(false);
            Say($"end to end, second pass (warm): {count} more distinct candidates");
            warm = await PassAsync(sandbox, count, cancellationToken).ConfigureAwait(false);
            (passes, requests) = sandbox.AdmissionCounts;
        }
        var (heapAfter, workingSetAfter) = Memory();
        Say($"  admission compiled {requests} candidates in {passes} passes ({(double)requests / Math.Max(passes, 1):0.0} a pass)");
        return (cold, warm, (heapAfter - heapBefore) / 1e6, (workingSetAfter - workingSetBefore) / 1e6);
    }

    private async Task<double> PassAsync(CandidateSandbox sandbox, int firstVariant, CancellationToken cancellationToken)
    {
        var count = options.EndToEndCandidates;
        var parallelism = sandbox.Options.Parallelism;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var workersCpuBefore = ReapedChildrenCpu();
        var workersBefore = sandbox.WorkersStarted;
        var clock = Stopwatch.StartNew();
        var done = 0;
        long admitTicks = 0, evaluateTicks = 0;
        string? firstFailure = null;
        // All candidates are there from the start, as in a replay or a wide meta-utility: up to eight per core wait at
        // once, so admission finds several to compile together.
        var inFlight = new ParallelOptions { MaxDegreeOfParallelism = parallelism * InFlightPerCore, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(firstVariant, count), inFlight, async (i, ct) =>
        {
            var phase = Stopwatch.StartNew();
            var candidate = await sandbox.AdmitSolutionAsync(SeedVariants.Get(i), task, ct).ConfigureAwait(false);
            Interlocked.Add(ref admitTicks, phase.Elapsed.Ticks);
            phase.Restart();
            var evaluation = await sandbox.EvaluateAsync(candidate, task, Split.Val, ct).ConfigureAwait(false);
            Interlocked.Add(ref evaluateTicks, phase.Elapsed.Ticks);
            if (evaluation.Verdict != Verdict.Ok)
            {
                Interlocked.CompareExchange(ref firstFailure, $"candidate {i}: {evaluation.Verdict}: {evaluation.Reason}", null);
            }
            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Say($"  {done}/{count} in {clock.Elapsed.TotalSeconds:0.0} s");
            }
        }).ConfigureAwait(false);
        clock.Stop();
        self.Refresh();
        var hostCpu = self.TotalProcessorTime - cpuBefore;
        // Only retired workers are reaped, so worker CPU is attributed to the pass in which a worker retires.
        var workersCpu = ReapedChildrenCpu() - workersCpuBefore;
        Say($"  wall {clock.Elapsed.TotalSeconds:0.00} s, host CPU {hostCpu.TotalSeconds:0.00} s ({hostCpu.TotalMilliseconds / count:0.0} ms a candidate), "
            + $"retired workers' CPU {workersCpu.TotalSeconds:0.00} s, workers started {sandbox.WorkersStarted - workersBefore}, "
            + $"per candidate admit {TimeSpan.FromTicks(admitTicks).TotalMilliseconds / count:0.0} ms "
            + $"and evaluate {TimeSpan.FromTicks(evaluateTicks).TotalMilliseconds / count:0.0} ms (waits included)");
        if (firstFailure is not null)
        {
            throw new InvalidOperationException($"a bench candidate failed: {firstFailure}");
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private AdmittedCandidate Admit(string code, CancellationToken cancellationToken)
    {
        var candidate = compiler.Admit(code, CandidateKind.Solution, EntrySignature.Solution(task.ParameterTypes), cancellationToken);
        return candidate.IsAdmitted ? candidate : throw new InvalidOperationException($"a bench candidate was refused: {candidate.Reason}");
    }

    /// <summary>CPU time of this process's exited and reaped children (Linux; zero elsewhere).</summary>
    private static TimeSpan ReapedChildrenCpu()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }
        // Fields after the parenthesised command: state is field 3, cutime and cstime are fields 16 and 17, in clock ticks.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private void Say(string line) => options.Progress?.Invoke(line);
}
