namespace Stop.Sandbox.Workers;

/// <summary>What a worker process is started for.</summary>
internal enum WorkerRole
{
    /// <summary>Runs candidates' code (<c>stop worker</c>).</summary>
    Candidates,

    /// <summary>Admits candidates' text: extract, compile, check, instrument (<c>stop worker --admission</c>).</summary>
    Admission,
}
