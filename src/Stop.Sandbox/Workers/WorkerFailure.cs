namespace Stop.Sandbox.Workers;

/// <summary>Why a job got no outcome from its worker: the worker died, ran out of memory, or the backstop stopped it.</summary>
public sealed record WorkerFailure(Verdict Verdict, string Reason, DecidedBy DecidedBy);
