using System.Reflection;
using Stop.Models.Providers;
using Stop.Models.Usage;
using Stop.Runs.Configuration;
using Stop.Runs.RunDirectories;
using Stop.Sandbox;
using Stop.Sandbox.Admission;
using Stop.Tasks;
using Stop.Tasks.Generation;

namespace Stop.Runs.SelfImprovement;

/// <summary>Starts, resumes and re-executes runs: builds the model stack, the sandbox and the run directory around the loop.</summary>
public static class RunLauncher
{
    /// <summary>This build of Stop, as manifests record it.</summary>
    public static string StopVersion { get; } =
        typeof(RunLauncher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Starts a new run in <paramref name="outDirectory"/>.</summary>
    public static async Task<RunResult> StartAsync(RunOptions options, string outDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var task = TaskCatalog.Get(options.Task);
        var spec = ModelSpec.Parse(options.Model);
        using var directory = RunDirectory.Create(outDirectory, CreateManifest(options, spec, task, sandboxOptions));
        return await RunInAsync(directory, options, spec, sandboxOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues a run: recorded responses are answered from its cassette; only new positions reach the model.</summary>
    public static async Task<RunResult> ResumeAsync(string runDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken, RunOptions? overrides = null)
    {
        using var directory = RunDirectory.Open(runDirectory, forWriting: true);
        var options = overrides ?? directory.ReadManifest().Options;
        return await RunInAsync(directory, options, ModelSpec.Parse(options.Model), sandboxOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-executes a recorded run into <paramref name="scratchDirectory"/> with no model: every answer comes from
    /// the recorded cassette, and a request it does not hold is an error.
    /// </summary>
    public static async Task<RunResult> ReexecuteAsync(string recordedDirectory, string scratchDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        using var recorded = RunDirectory.Open(recordedDirectory, forWriting: false);
        var manifest = recorded.ReadManifest();
        var spec = new ModelSpec(ModelSpec.Replay, recorded.Path);
        using var scratch = RunDirectory.Create(scratchDirectory, manifest);
        return await RunInAsync(scratch, manifest.Options, spec, sandboxOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Evaluates an improver's transfer to other tasks (<c>stop eval</c>) into a new directory recorded like a
    /// run: its cassette, events and candidates, and <c>transfer.json</c>.
    /// </summary>
    public static async Task<Transfer.TransferTable> EvaluateTransferAsync(
        string improverText, IReadOnlyList<string> tasks, RunOptions options, string outDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var name in tasks)
        {
            TaskCatalog.Get(name);
        }
        var spec = ModelSpec.Parse(options.Model);
        using var directory = RunDirectory.Create(outDirectory, CreateManifest(options, spec, TaskCatalog.Get(options.Task), sandboxOptions));
        await using var models = ModelStack.Create(spec, StackOptions(options, spec, directory));
        progress.ReadUsageFrom(() => models.Usage.Total);
        await using var sandbox = new CandidateSandbox(sandboxOptions);
        return await Transfer.TransferEvaluation.RunAsync(improverText, tasks, options, directory, sandbox, models.Client, progress, cancellationToken).ConfigureAwait(false);
    }

    private static ModelStackOptions StackOptions(RunOptions options, ModelSpec spec, RunDirectory directory) => new()
    {
        Endpoint = options.Endpoint is null ? null : new Uri(options.Endpoint),
        ExchangeDirectory = options.ExchangeDirectory,
        CassettePath = spec.Provider == ModelSpec.Replay ? null : directory.CassettePath,
        Limits = new UsageLimits(options.MaxTotalTokens, options.MaxCostUsd),
        Prices = options.Prices is null ? PriceTable.Empty : new PriceTable(options.Prices),
    };

    private static async Task<RunResult> RunInAsync(RunDirectory directory, RunOptions options, ModelSpec spec, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        await using var models = ModelStack.Create(spec, StackOptions(options, spec, directory));
        progress.ReadUsageFrom(() => models.Usage.Total);
        await using var sandbox = new CandidateSandbox(sandboxOptions);
        var context = new RunContext(options, sandbox, models.Client, directory, progress);
        var generations = await new SelfImprovementRun(context).RunAsync(cancellationToken).ConfigureAwait(false);
        return new RunResult(directory.Path, generations, models.Usage.Total, models.Fixity.ModelIds);
    }

    private static RunManifest CreateManifest(RunOptions options, ModelSpec spec, DownstreamTask task, SandboxOptions sandbox)
    {
        var producedBy = options.AnsweredBy ?? spec.Provider switch
        {
            ModelSpec.Exchange => $"the exchange provider: answers written to {options.ExchangeDirectory} by '{spec.Model}'",
            _ => $"{spec} through its API" + (options.Endpoint is null ? "" : $" at {options.Endpoint}"),
        };
        return new RunManifest(
            RunManifest.CurrentFormat,
            DateTimeOffset.UtcNow,
            options,
            spec.Provider,
            spec.Model,
            producedBy,
            StopVersion,
            // The processor architecture too: the C library's maths functions round their last bits differently on each.
            $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}",
            InstanceHashes(task),
            CandidateCompiler.HashOf(SeedFiles.SeedImprover),
            new Dictionary<string, string>
            {
                ["maxDepth"] = sandbox.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["workerMemoryBytes"] = sandbox.WorkerMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["improverFuel"] = sandbox.ImproverFuel.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["fuelPerInstance"] = task.FuelPerInstance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    /// <summary>The fingerprints of the task's val and test instances, as recorded in a manifest.</summary>
    public static IReadOnlyDictionary<string, string> InstanceHashes(DownstreamTask task) => new Dictionary<string, string>
    {
        [$"{task.Name}/val"] = InstanceFingerprint.Hash(task, Split.Val),
        [$"{task.Name}/test"] = InstanceFingerprint.Hash(task, Split.Test),
    };
}

/// <summary>How a run ended: its generations, its usage and the model ids its responses reported.</summary>
public sealed record RunResult(string Directory, IReadOnlyList<GenerationDecided> Generations, UsageTotals Usage, IReadOnlyList<string> ModelIds);
