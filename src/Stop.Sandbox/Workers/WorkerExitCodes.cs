namespace Stop.Sandbox.Workers;

/// <summary>Exit codes by which a worker tells the host why it stopped.</summary>
public static class WorkerExitCodes
{
    public const int OutOfMemory = 70;
    public const int Broken = 71;

    /// <summary>Ends the process for an exception outside candidate code, with the code that says why (and the exception on standard error).</summary>
    public static void ExitFor(Exception exception, string process)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OutOfMemoryException)
        {
            Environment.Exit(OutOfMemory);
        }
        Console.OpenStandardError().Write(System.Text.Encoding.UTF8.GetBytes($"{process}: {exception}\n"));
        Environment.Exit(Broken);
    }
}
