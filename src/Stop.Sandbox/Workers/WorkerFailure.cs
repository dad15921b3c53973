namespace Stop.Sandbox.Workers;

/// <summary>Why a job got no outcome from its worker: the worker died, ran out of memory, or the backstop stopped it.</summary>
public sealed record WorkerFailure(Verdict Verdict, string Reason, DecidedBy DecidedBy)
{
    /// <summary>The worker died of a stack overflow (the runtime's own report, on standard error).</summary>
    public bool StackOverflowed { get; init; }
}
