namespace Stop.Sandbox;

/// <summary>How candidates are run. Immutable; a run writes it into its manifest as it is.</summary>
public sealed record SandboxOptions
{
    /// <summary>How many candidates compute at once (host admission and workers together).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Each worker's GC heap hard limit.</summary>
    public long WorkerMemoryBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Jobs a worker runs before it is recycled, healthy or not. Every job already gets a fresh load context, so this
    /// only bounds what a long-lived process might accumulate; a new worker costs about as much CPU as 100 jobs.
    /// </summary>
    public int JobsPerWorker { get; init; } = 1000;

    /// <summary>
    /// The most waiting candidates compiled together in one admission pass (1: each alone). Batching changes no
    /// verdict, score or message, only the cost (see <c>BatchCompiler</c>).
    /// </summary>
    public int MaxAdmissionBatch { get; init; } = 16;

    /// <summary>The counted call-depth limit (Python's default recursion limit).</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>Console output kept per job.</summary>
    public int MaxOutputChars { get; init; } = 16 * 1024;

    /// <summary>Fuel for one improver run's own computation (its model and utility calls cost none).</summary>
    public long ImproverFuel { get; init; } = 2_000_000_000;

    /// <summary>
    /// The wall-clock backstop per instance of a solution job (the worker tells the host as instances are scored),
    /// counting only time the worker computes. Counted fuel decides outcomes; this only catches what fuel cannot see
    /// (time spent inside library calls).
    /// </summary>
    public TimeSpan Backstop { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The most time a unit of fuel may take on a slow machine: a loop body of 63 syntax nodes of 64-bit divisions
    /// is one unit, and took 44 ns here with eleven of them.
    /// </summary>
    private static readonly TimeSpan SlowestFuelUnit = TimeSpan.FromTicks(1);

    /// <summary>
    /// The backstop of an improver run: <see cref="Backstop"/> plus what all of <see cref="ImproverFuel"/> may take
    /// at <see cref="SlowestFuelUnit"/>, so that an improver stopped by counted fuel is never stopped by the clock first.
    /// </summary>
    public TimeSpan ImproverBackstop => Backstop + SlowestFuelUnit * ImproverFuel;

    /// <summary>
    /// Whether candidates are admitted (extracted, compiled, checked, instrumented) in admission processes of their
    /// own, one per admission thread, rather than in the host. Roslyn binds some text in time or memory exponential in
    /// its length, in loops that never look at a cancellation token: only a process can be stopped there, and only a
    /// process's own memory cap keeps such text from the host's memory. In-process admission is for measuring what
    /// the isolation costs (<c>stop bench</c>), and for code that is not model output.
    /// </summary>
    public bool IsolateAdmission { get; init; } = true;

    /// <summary>Each admission process's GC heap hard limit. Compiling a batch of real candidates takes about a tenth of it.</summary>
    public long AdmissionMemoryBytes { get; init; } = 1L << 30;

    /// <summary>
    /// How long admission may compile one candidate (a wall clock: real code compiles in well under a second). An
    /// admission process that overruns it by <c>AdmissionProcess.Grace</c> without answering is killed.
    /// </summary>
    public TimeSpan AdmissionBackstop { get; init; } = Admission.CandidateCompiler.DefaultBackstop;

    /// <summary>
    /// The worker command; by default <c>stop worker</c> from this program's own folder. An admission process is
    /// started with <c>--admission</c> after it.
    /// </summary>
    public IReadOnlyList<string>? WorkerCommand { get; init; }
}
