using System.CommandLine;
using Stop.Sandbox.Workers;

namespace Stop.Cli.Verbs;

/// <summary><c>stop worker</c>: the sandbox's worker process. Started by Stop itself, not by people.</summary>
internal static class WorkerVerb
{
    public const string Name = "worker";

    public static Command Create()
    {
        var command = new Command(Name, "Run as a sandbox worker on standard input and output (Stop starts these itself).")
        {
            Hidden = true,
        };
        command.SetAction((_, cancellationToken) => WorkerMain.RunAsync(cancellationToken));
        return command;
    }
}
