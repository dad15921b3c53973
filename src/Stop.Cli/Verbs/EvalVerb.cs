using System.CommandLine;
using Stop.Cli.Output;
using Stop.Models.Providers;
using Stop.Runs.Configuration;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Tasks;

namespace Stop.Cli.Verbs;

/// <summary><c>stop eval</c>: the paper's transfer table for an improver.</summary>
internal static class EvalVerb
{
    private static readonly string[] TransferTasks = ["three_sat", "maxcut", "str_grid_dist", "modified_quadratic_assignment", "parity_noiseless"];

    public static Command Create()
    {
        var improver = new Option<FileInfo>("--improver") { Description = "The improver to evaluate (e.g. runs/NAME/generations/gen_2.csx).", Required = true };
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated tasks.", DefaultValueFactory = _ => string.Join(',', TransferTasks) };
        var model = new Option<string>("--model") { Description = "PROVIDER:MODEL, as for `stop run`.", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "Base URL for OpenAI-compatible or Ollama servers." };
        var exchangeDir = new Option<string?>("--exchange-dir") { Description = "Where the exchange provider writes requests and reads answers." };
        var metaTests = new Option<int>("--meta-tests") { Description = "Improver runs k per meta-utility (STOP: 5).", DefaultValueFactory = _ => 5 };
        var callBudget = new Option<int>("--call-budget") { Description = "Calls m per improver run (STOP: 4).", DefaultValueFactory = _ => 4 };
        var responses = new Option<int>("--responses-per-call") { Description = "Responses n per call (STOP: 6).", DefaultValueFactory = _ => 6 };
        var output = new Option<string?>("--out") { Description = "Directory for the recorded evaluation (default runs/eval-<time>)." };
        var command = new Command("eval", """
            The paper's transfer table: for each task, on its test split, u(seed solution), û(seed improver) and
            û(the given improver). Printed as a table and written as transfer.json in a run-like directory.
            """)
        {
            improver, tasks, model, endpoint, exchangeDir, metaTests, callBudget, responses, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(improver)!;
            if (!file.Exists)
            {
                return Fail.Usage($"no such file: {file.FullName}");
            }
            var names = parse.GetValue(tasks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.FirstOrDefault(n => !TaskCatalog.TryGet(n, out _)) is { } unknown)
            {
                return Fail.Usage($"unknown task '{unknown}'; known tasks: {string.Join(", ", TaskCatalog.All.Select(t => t.Name))}");
            }
            var options = new RunOptions
            {
                Task = names[0],
                Model = parse.GetValue(model)!,
                Endpoint = parse.GetValue(endpoint),
                ExchangeDirectory = parse.GetValue(exchangeDir) is { } e ? Path.GetFullPath(e) : null,
                MetaTests = parse.GetValue(metaTests),
                CallBudget = parse.GetValue(callBudget),
                ResponsesPerCall = parse.GetValue(responses),
                Iterations = 0,
            };
            var outDirectory = parse.GetValue(output) ?? Path.Combine("runs", $"eval-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            try
            {
                var table = await RunLauncher.EvaluateTransferAsync(await File.ReadAllTextAsync(file.FullName, cancellationToken), names, options, outDirectory,
                    new SandboxOptions(), new LiveProgress(Console.Error), cancellationToken);
                Console.Error.WriteLine();
                Console.WriteLine($"{"task",-32} {"u(seed solution)",17} {"û(seed improver)",17} {"û(improver)",12}");
                foreach (var row in table.Rows)
                {
                    Console.WriteLine($"{row.Task,-32} {row.SeedSolution,17:0.####} {row.SeedImprover,17:0.####} {row.Improver,12:0.####}");
                }
                Console.WriteLine($"written to {Path.Combine(Path.GetFullPath(outDirectory), "transfer.json")}");
                return 0;
            }
            catch (ModelProviderException exception)
            {
                Console.Error.WriteLine($"\nstop: {exception.Message}");
                return 1;
            }
            catch (IOException exception)
            {
                return Fail.Usage(exception.Message);
            }
        });
        return command;
    }
}
