using System.CommandLine;
using Stop.Cli.Verbs;
using Stop.Sandbox.Workers;

// The sandbox starts a worker for every thousand candidates; building the whole command tree first only delays it.
if (args is [WorkerVerb.Name])
{
    return await WorkerMain.RunAsync();
}

var root = new RootCommand("Stop: a C# Self-Taught Optimizer. Improvers ask a language model for better programs, then improve themselves.");
root.Subcommands.Add(TasksVerb.Create());
root.Subcommands.Add(CheckVerb.Create());
root.Subcommands.Add(RunVerb.Create());
root.Subcommands.Add(ReplayVerb.Create());
root.Subcommands.Add(ShowVerb.Create());
root.Subcommands.Add(EvalVerb.Create());
root.Subcommands.Add(DiffVerb.Create());
root.Subcommands.Add(ReportVerb.Create());
root.Subcommands.Add(ExchangeVerb.Create());
root.Subcommands.Add(BenchVerb.Create());
root.Subcommands.Add(WorkerVerb.Create());
return await root.Parse(args).InvokeAsync();
