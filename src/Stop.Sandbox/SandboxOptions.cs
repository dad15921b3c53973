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
    /// The wall-clock backstop per job, counting only time the worker computes. Counted fuel decides
    /// outcomes; this only catches what fuel cannot see (time spent inside library calls).
    /// </summary>
    public TimeSpan Backstop { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The worker command; by default <c>stop worker</c> from this program's own folder.</summary>
    public IReadOnlyList<string>? WorkerCommand { get; init; }
}
