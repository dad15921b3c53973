namespace Stop.Cli.Output;

/// <summary>How verbs fail: one clear line on standard error and a conventional exit code.</summary>
internal static class Fail
{
    /// <summary>Exit code for a mistake in how Stop was called (missing file, unknown task).</summary>
    public const int UsageExitCode = 2;

    public static int Usage(string message)
    {
        Console.Error.WriteLine($"stop: {message}");
        return UsageExitCode;
    }
}
