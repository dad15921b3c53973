using Stop.Sandbox.Admission;
using Stop.Sandbox.Bench;
using Stop.Sandbox.Workers;
using Stop.Sandbox.Workers.Protocol;
using Stop.Tasks;

namespace Stop.Sandbox.Tests.Admission;

/// <summary>
/// Admission runs in processes of its own: it admits exactly what admission in the host admits, and text that costs
/// the compiler more time or memory than any candidate may ask costs a process the host kills and replaces, never the
/// host, and is refused as decided by that clock or cap.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class AdmissionProcessTests
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");

    private const string Header = "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n";

    /// <summary>
    /// Each <c>Select</c> doubles the element type: Roslyn spends time exponential in the chain's length binding it, inside
    /// one method body where it never looks at its cancellation token (22 links: 38 s in the host, past a 30 s backstop).
    /// </summary>
    private static string DoublingChain(int links) =>
        $"{Header}    var xs = new[] {{ 1 }};\n    var ys = xs{string.Concat(Enumerable.Repeat(".Select(x => (x, x))", links))};\n    return new int[testSamples.Length];\n}}\n";

    [Fact]
    public async Task AdmissionInItsOwnProcess_GivesWhatAdmissionInTheHostGives()
    {
        string[] texts =
        [
            SeedVariants.Get(71_000),
            SeedVariants.Get(71_001),
            Parity.SeedSolution,
            $"{Header}    return undefinedName;\n}}\n",
            $"{Header}    System.IO.File.WriteAllText(\"x\", \"y\");\n    return new int[testSamples.Length];\n}}\n",
            "Here is my answer, in words rather than code.",
        ];
        await using var isolated = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        await using var inHost = new CandidateSandbox(new SandboxOptions { Parallelism = 1, IsolateAdmission = false });

        foreach (var text in texts)
        {
            var there = await isolated.AdmitSolutionAsync(text, Parity);
            var here = await inHost.AdmitSolutionAsync(text, Parity);

            Assert.Equal(here.Hash, there.Hash);
            Assert.Equal(here.Refusal, there.Refusal);
            Assert.Equal(here.Reason, there.Reason);
            Assert.Equal(here.Diagnostics, there.Diagnostics);
            Assert.Equal(here.Violations, there.Violations);
            Assert.Equal(here.Entry, there.Entry);
            Assert.Equal(here.Assembly, there.Assembly);
            Assert.Equal(DecidedBy.Counted, there.DecidedBy);
        }
    }

    [Fact]
    public async Task TextThatHoldsTheCompilerPastItsCancellation_IsRefusedByTheBackstop_AndAdmissionGoesOn()
    {
        var options = new SandboxOptions { Parallelism = 1, AdmissionBackstop = TimeSpan.FromSeconds(2) };
        await using var sandbox = new CandidateSandbox(options);

        // Queued together, so that they may share a batch with the slow one: each must get what it gets alone.
        var slow = sandbox.AdmitSolutionAsync(DoublingChain(22), Parity);
        var innocents = Enumerable.Range(71_100, 3).Select(i => sandbox.AdmitSolutionAsync(SeedVariants.Get(i), Parity)).ToList();
        var refused = await slow;
        var admitted = await Task.WhenAll(innocents);
        var after = await sandbox.AdmitSolutionAsync(SeedVariants.Get(71_103), Parity);

        Assert.Equal(Verdict.CompileError, refused.Refusal);
        Assert.Equal(DecidedBy.WallClockBackstop, refused.DecidedBy);
        Assert.Contains("admission backstop", refused.Reason, StringComparison.Ordinal);
        Assert.All(admitted, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.True(after.IsAdmitted, after.Reason);
        var evaluation = await sandbox.EvaluateAsync(refused, Parity, Split.Val);
        Assert.Equal(DecidedBy.WallClockBackstop, evaluation.DecidedBy);
        Assert.Equal(0, evaluation.Score);
    }

    [Fact]
    public async Task AnAdmissionProcessThatNobodyStops_EndsItself_PastTheBackstop()
    {
        // As when the host dies mid-batch: nothing kills the process (the host side waits five minutes here). Twenty
        // slow candidates each meet the one-second backstop, alone after together: more than the process allows itself.
        var process = WorkerProcess.Start(new SandboxOptions(), WorkerRole.Admission);
        await using var _ = process;
        var slow = Enumerable.Range(0, 20).Select(i => DoublingChain(26).Replace("ys", $"ys{i}", StringComparison.Ordinal));
        var job = new AdmitCandidates(
            [.. slow.Select(text => CandidateText.Of(new AdmissionRequest(text, CandidateKind.Solution, EntrySignature.Solution(Parity.ParameterTypes))))],
            TimeSpan.FromSeconds(1));

        var (outcome, failure) = await process.RunAsync(job, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Null(outcome);
        Assert.NotNull(failure);
        Assert.Contains($"code {WorkerExitCodes.Broken}", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextThatTakesTheCompilerPastTheMemoryCap_IsRefusedByTheCap_AndAdmissionGoesOn()
    {
        // Twenty thousand statements: ordinary code, too large to compile under a 16 MB heap.
        var large = Header + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"    long v{i} = {i} * (long)trainParity.Length + {i};\n"))
            + "    return new int[testSamples.Length];\n}\n";
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1, AdmissionMemoryBytes = 16L << 20 });

        var refused = await sandbox.AdmitSolutionAsync(large, Parity);
        var after = await sandbox.AdmitSolutionAsync(SeedVariants.Get(71_200), Parity);

        Assert.Equal(Verdict.CompileError, refused.Refusal);
        Assert.Equal(DecidedBy.MemoryCap, refused.DecidedBy);
        Assert.Contains("memory", refused.Reason, StringComparison.Ordinal);
        Assert.True(after.IsAdmitted, after.Reason);
    }
}
