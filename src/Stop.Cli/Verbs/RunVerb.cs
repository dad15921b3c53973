using System.CommandLine;
using Stop.Cli.Output;
using Stop.Models.Providers;
using Stop.Models.Usage;
using Stop.Runs.Configuration;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Tasks;

namespace Stop.Cli.Verbs;

/// <summary><c>stop run</c>: a self-improvement run, recorded so that it replays bit for bit.</summary>
internal static class RunVerb
{
    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "The downstream task whose meta-utility drives the run.", DefaultValueFactory = _ => "parity_noise" };
        var model = new Option<string?>("--model") { Description = "PROVIDER:MODEL — openai:gpt-4o, ollama:llama3, anthropic:claude-…, exchange:LABEL (answers written as files), replay:RUN_DIR." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Base URL for OpenAI-compatible or Ollama servers, e.g. http://127.0.0.1:8000/v1." };
        var exchangeDir = new Option<string?>("--exchange-dir") { Description = "Where the exchange provider writes requests and reads answers." };
        var answeredBy = new Option<string?>("--answered-by") { Description = "Who produces the responses, in words, for the manifest (e.g. 'helpers given only the request text')." };
        var iterations = new Option<int>("--iterations") { Description = "Self-improvement iterations T (the paper's figures use 3; STOP's code runs 6).", DefaultValueFactory = _ => 3 };
        var metaTests = new Option<int>("--meta-tests") { Description = "Improver runs k averaged by one meta-utility evaluation (STOP: 5).", DefaultValueFactory = _ => 5 };
        var callBudget = new Option<int>("--call-budget") { Description = "Language model calls m per improver run (STOP: 4).", DefaultValueFactory = _ => 4 };
        var responses = new Option<int>("--responses-per-call") { Description = "Responses n per call (STOP: 6); utility budgets are n·m + 1.", DefaultValueFactory = _ => 6 };
        var output = new Option<string?>("--out") { Description = "The run directory to create (default runs/<task>-<time>)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this directory; no recorded response is asked for again." };
        var accept = new Option<AcceptRule>("--accept") { Description = "stop: STOP's rule, any improver with non-zero meta-utility; better: also beat the incumbent on paired val instances (sign test, α = 0.05).", DefaultValueFactory = _ => AcceptRule.Stop };
        var maxTokens = new Option<long?>("--max-tokens") { Description = "Stop cleanly (resumably) once this many tokens were used in all." };
        var maxCost = new Option<decimal?>("--max-cost") { Description = "Stop cleanly (resumably) once this many USD were spent (needs --prices)." };
        var prices = new Option<string?>("--prices") { Description = "A JSON price table: { \"MODEL\": { \"inputPerMillion\": 2.5, \"outputPerMillion\": 10 } }, for cost and --max-cost." };
        var parallelism = new Option<int>("--parallelism") { Description = "Candidates computing at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("run", """
            Run STOP's self-improvement: generation 0 is the seed improver; each iteration applies the current
            improver to itself under the meta-utility, and what it returns becomes the next generation.
            Everything is recorded in the run directory; `stop replay DIR` re-executes it with no model.
            """)
        {
            task, model, endpoint, exchangeDir, answeredBy, iterations, metaTests, callBudget, responses, output, resume, accept, maxTokens, maxCost, prices, parallelism,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var sandbox = new SandboxOptions { Parallelism = Math.Max(1, parse.GetValue(parallelism)) };
            var progress = new LiveProgress(Console.Error);
            try
            {
                RunResult result;
                if (parse.GetValue(resume) is { } resumeDirectory)
                {
                    Console.Error.WriteLine($"resuming {resumeDirectory}");
                    var recorded = Stop.Runs.RunDirectories.RunDirectory.Open(resumeDirectory, forWriting: false);
                    var options = recorded.ReadManifest().Options;
                    recorded.Dispose();
                    // A run stopped by a limit continues under a raised one; every other setting stays the run's own.
                    options = options with
                    {
                        MaxTotalTokens = parse.GetValue(maxTokens) ?? options.MaxTotalTokens,
                        MaxCostUsd = parse.GetValue(maxCost) ?? options.MaxCostUsd,
                        Prices = parse.GetValue(prices) is { } priceFile ? PriceFile.Read(priceFile) : options.Prices,
                    };
                    result = await RunLauncher.ResumeAsync(resumeDirectory, sandbox, progress, cancellationToken, options);
                }
                else
                {
                    if (parse.GetValue(model) is not { } modelSpec)
                    {
                        return Fail.Usage("--model PROVIDER:MODEL is required for a new run (or give --resume DIR)");
                    }
                    if (!TaskCatalog.TryGet(parse.GetValue(task)!, out _))
                    {
                        return Fail.Usage($"unknown task '{parse.GetValue(task)}'; known tasks: {string.Join(", ", TaskCatalog.All.Select(t => t.Name))}");
                    }
                    var options = new RunOptions
                    {
                        Task = parse.GetValue(task)!,
                        Model = modelSpec,
                        Endpoint = parse.GetValue(endpoint),
                        ExchangeDirectory = parse.GetValue(exchangeDir) is { } e ? Path.GetFullPath(e) : null,
                        AnsweredBy = parse.GetValue(answeredBy),
                        Iterations = parse.GetValue(iterations),
                        MetaTests = parse.GetValue(metaTests),
                        CallBudget = parse.GetValue(callBudget),
                        ResponsesPerCall = parse.GetValue(responses),
                        Accept = parse.GetValue(accept),
                        MaxTotalTokens = parse.GetValue(maxTokens),
                        MaxCostUsd = parse.GetValue(maxCost),
                        Prices = parse.GetValue(prices) is { } priceFile ? PriceFile.Read(priceFile) : null,
                    };
                    if (options.MaxCostUsd is not null && options.Prices is null)
                    {
                        return Fail.Usage("--max-cost needs --prices FILE: without prices, cost is unknown");
                    }
                    if (options.Iterations < 0 || options.MetaTests < 1 || options.CallBudget < 1 || options.ResponsesPerCall < 1)
                    {
                        return Fail.Usage("--iterations must be ≥ 0, and --meta-tests, --call-budget and --responses-per-call ≥ 1");
                    }
                    var outDirectory = parse.GetValue(output) ?? Path.Combine("runs", $"{options.Task}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
                    Console.Error.WriteLine($"run directory: {Path.GetFullPath(outDirectory)}");
                    result = await RunLauncher.StartAsync(options, outDirectory, sandbox, progress, cancellationToken);
                }
                Console.Error.WriteLine();
                RunTable.Print(result.Directory, Console.Out);
                return 0;
            }
            catch (ModelProviderException exception)
            {
                Console.Error.WriteLine($"\nstop: {exception.Message}");
                return 1;
            }
            catch (UsageLimitReachedException exception)
            {
                Console.Error.WriteLine($"\nstop: {exception.Message} The run stopped cleanly; continue it with --resume.");
                return 3;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("\nstop: cancelled. Everything recorded so far is kept; continue with --resume.");
                return 130;
            }
            catch (IOException exception)
            {
                return Fail.Usage(exception.Message);
            }
        });
        return command;
    }
}
