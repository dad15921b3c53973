namespace Stop.Sandbox.Workers;

/// <summary>Exit codes by which a worker tells the host why it stopped.</summary>
public static class WorkerExitCodes
{
    public const int OutOfMemory = 70;
    public const int Broken = 71;
}
