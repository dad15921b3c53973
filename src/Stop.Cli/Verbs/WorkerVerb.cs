using System.CommandLine;
using Stop.Runs.Strategies;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Workers;

namespace Stop.Cli.Verbs;

/// <summary><c>stop worker</c>: the sandbox's worker process. Started by Stop itself, not by people.</summary>
internal static class WorkerVerb
{
    public const string Name = "worker";

    public static Command Create()
    {
        var admission = new Option<bool>(AdmissionWorkerMain.Flag) { Description = "Admit candidates' text (and run reading tools' analyses of it) instead of running their code." };
        var command = new Command(Name, "Run as a sandbox worker on standard input and output (Stop starts these itself).")
        {
            admission,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => parse.GetValue(admission)
            ? AdmissionWorkerMain.RunAsync(StrategyReader.Analyses, cancellationToken)
            : WorkerMain.RunAsync(cancellationToken));
        return command;
    }
}
