using System.CommandLine;
using Stop.Cli.Output;
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
// Stop alone says what it can do.
var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
if (parsed.Errors.Count > 0)
{
    // A mistake in how Stop was called: the errors on standard error, exit 2, and nothing on standard output, which
    // a script may be reading for JSON.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"stop: {error.Message}");
    }
    Console.Error.WriteLine($"see '{string.Join(' ', parsed.CommandResult.Command is RootCommand ? ["stop"] : new[] { "stop", parsed.CommandResult.Command.Name })} --help'");
    return Fail.UsageExitCode;
}
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InvalidDataException exception)
{
    // A file Stop reads (a run's manifest, say) is not what it should be: the file is named, no stack trace.
    return Fail.Usage(exception.Message);
}
catch (OperationCanceledException)
{
    // Ctrl+C where a verb does not say more itself.
    return 130;
}
catch (Exception exception)
{
    // A fault of Stop's own: all it knows, for the bug report.
    Console.Error.WriteLine($"stop: unexpected error (a bug in Stop; please report it): {exception}");
    return 1;
}
