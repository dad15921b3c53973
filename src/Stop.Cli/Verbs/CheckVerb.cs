using System.CommandLine;
using System.Text.Json;
using Stop.Cli.Output;
using Stop.Sandbox;
using Stop.Tasks;

namespace Stop.Cli.Verbs;

/// <summary><c>stop check FILE --task NAME</c>: score one solution through the whole candidate pipeline.</summary>
internal static class CheckVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The solution: C# script text defining Algorithm, or a model response holding it in a fenced code block." };
        var taskName = new Option<string>("--task") { Description = "The task to score on (see `stop tasks`).", Required = true };
        var split = new Option<Split>("--split") { Description = "val (used while improving) or test.", DefaultValueFactory = _ => Split.Val };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output; progress goes to standard error." };
        var command = new Command("check", "Score one solution: extract, compile, check the policy, instrument, run in a sandboxed worker, score.\n"
            + "Exits 0 whenever the candidate was evaluated, whatever its verdict; 2 for usage errors.")
        {
            file, taskName, split, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return Fail.Usage($"no such file: {path.FullName}");
            }
            if (!TaskCatalog.TryGet(parse.GetValue(taskName)!, out var task))
            {
                return Fail.Usage($"unknown task '{parse.GetValue(taskName)}'; known tasks: {string.Join(", ", TaskCatalog.All.Select(t => t.Name))}");
            }
            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            await using var sandbox = new CandidateSandbox();
            Console.Error.WriteLine($"scoring {path.Name} on {task.Name} ({parse.GetValue(split).ToString().ToLowerInvariant()}, {task.InstanceCount(parse.GetValue(split))} instances)…");
            var evaluation = await sandbox.ScoreAsync(text, task, parse.GetValue(split), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(CheckReport.From(evaluation), CheckReport.Json));
            }
            else
            {
                CheckReport.Print(evaluation, Console.Out);
            }
            return 0;
        });
        return command;
    }
}
