using Stop.Tests.Shared;
using System.Diagnostics;

namespace Stop.Cli.Tests;

/// <summary>The real <c>stop</c> program, built beside the tests, run as a person runs it.</summary>
internal static class StopProgram
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the program with its output redirected; the caller reads it and waits.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRuns.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stop.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start)!;
    }
}
