namespace Stop.Sandbox.Bench;

/// <summary>How much <see cref="PipelineBench"/> measures.</summary>
public sealed record BenchOptions
{
    /// <summary>Quick mode: fewer candidates everywhere, for about a minute in all.</summary>
    public bool Quick { get; init; }

    /// <summary>Also take admission apart into its phases.</summary>
    public bool Verbose { get; init; }

    /// <summary>Distinct candidates whose admission is timed against a bare emit.</summary>
    public int AdmissionCandidates => Quick ? 20 : 50;

    /// <summary>Candidates scored both in the sandbox and in-process, at parallelism 1.</summary>
    public int ThroughputCandidates => Quick ? 40 : 300;

    /// <summary>Distinct candidates admitted and scored end to end on all cores.</summary>
    public int EndToEndCandidates => Quick ? 200 : 2000;

    /// <summary>The worker command, as in <see cref="SandboxOptions.WorkerCommand"/>.</summary>
    public IReadOnlyList<string>? WorkerCommand { get; init; }

    /// <summary>Where progress lines go (the CLI sends them to standard error).</summary>
    public Action<string>? Progress { get; init; }
}
