namespace Stop.Sandbox.Workers;

/// <summary>
/// Finds how to start a worker: the <c>stop</c> program beside this assembly, run as <c>stop worker</c>, with
/// <c>--admission</c> after it for an admission process.
/// </summary>
internal static class WorkerCommand
{
    public static IReadOnlyList<string> Resolve(SandboxOptions options, WorkerRole role = WorkerRole.Candidates)
    {
        var command = Resolve(options);
        return role == WorkerRole.Admission ? [.. command, Admission.AdmissionWorkerMain.Flag] : command;
    }

    private static IReadOnlyList<string> Resolve(SandboxOptions options)
    {
        if (options.WorkerCommand is { Count: > 0 } explicitCommand)
        {
            return explicitCommand;
        }
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "stop.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The worker program stop.dll is not in {folder}; build src/Stop.Cli into the same folder.", dll);
        }
        return [DotnetHost(), dll, "worker"];
    }

    /// <summary>
    /// The dotnet program beside the runtime this process runs on, so that the worker runs on the same runtime; not
    /// one the environment names (DOTNET_HOST_PATH), which would let the host's environment pick the worker's runtime.
    /// </summary>
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var beside = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (File.Exists(beside))
        {
            return beside;
        }
        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
