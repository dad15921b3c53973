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
public sealed class AdmissionProcessTests(SandboxFixture fixture)
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
            // A lone surrogate, which neither UTF-8 nor the admission process's JSON channel can carry.
            $"{Header}    var s = \"\ud800\";\n    return new int[testSamples.Length + s.Length - 1];\n}}\n",
            // An error message with a lone surrogate the text wrote as an escape.
            $"{Header}    switch (\"a\") {{ case \"\\uD800\": break; case \"\\uD800\": break; }}\n    return new int[testSamples.Length];\n}}\n",
            // Longer than admission takes.
            Parity.SeedSolution + "\n// " + new string('+', CandidateCompiler.MaxTextChars),
            // An error message that would spell a type of 2^14 parts, each a thousand characters long.
            ErrorNamingAHugeType,
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
            Assert.All(there.Diagnostics.Append(there.Reason), m => Assert.InRange(m.Length, 1, CandidateCompiler.MaxMessageChars + 2));
        }
    }

    private static string ErrorNamingAHugeType
    {
        get
        {
            var name = "C" + new string('x', 1000);
            var doubling = string.Concat(Enumerable.Range(1, 14).Select(i => $"    var b{i} = (b{i - 1}, b{i - 1});\n"));
            return $"class {name} {{ }}\n{Header}    var b0 = new {name}();\n{doubling}    int x = b14;\n    return new int[testSamples.Length];\n}}\n";
        }
    }

    [Fact]
    public async Task TextThatHoldsTheCompilerPastItsCancellation_IsRefusedByTheBackstop_AndAdmissionGoesOn()
    {
        var options = new SandboxOptions { Parallelism = 1, AdmissionBackstop = TimeSpan.FromSeconds(2) };
        await using var sandbox = new CandidateSandbox(options);

        // Queued together, so that they may share a batch with the slow one: each must get what it gets alone.
        // In fences: finding the code in the text means parsing it, and the host must not, even to record a refusal.
        var fenced = $"Here it is:\n```csharp\n{DoublingChain(22)}```\n";
        var slow = sandbox.AdmitSolutionAsync(fenced, Parity);
        var innocents = Enumerable.Range(71_100, 3).Select(i => sandbox.AdmitSolutionAsync(SeedVariants.Get(i), Parity)).ToList();
        var refused = await slow;
        var admitted = await Task.WhenAll(innocents);
        var after = await sandbox.AdmitSolutionAsync(SeedVariants.Get(71_103), Parity);

        Assert.Equal(Verdict.CompileError, refused.Refusal);
        Assert.Equal(DecidedBy.WallClockBackstop, refused.DecidedBy);
        Assert.Contains("admission backstop", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(fenced, refused.Code);
        Assert.All(admitted, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.True(after.IsAdmitted, after.Reason);
        var evaluation = await sandbox.EvaluateAsync(refused, Parity, Split.Val);
        Assert.Equal(DecidedBy.WallClockBackstop, evaluation.DecidedBy);
        Assert.Equal(0, evaluation.Score);
    }

    [Fact]
    public void AnAdmissionProcessKilledWhileIdle_IsReplaced_WithoutBlamingTheNextCandidate()
    {
        using var admitter = new AdmissionProcess(new SandboxOptions());
        var first = admitter.AdmitMany([Request(SeedVariants.Get(71_300))]);
        using (var idle = System.Diagnostics.Process.GetProcessById(admitter.ProcessId!.Value))
        {
            idle.Kill();
            idle.WaitForExit();
        }

        var next = admitter.AdmitMany([Request(SeedVariants.Get(71_301))]);

        Assert.True(first[0].IsAdmitted, first[0].Reason);
        Assert.True(next[0].IsAdmitted, next[0].Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OneTextAdmittedTogether_ForTwoSignaturesAndTwice_RunsUnderTheNamesItHasAlone(bool isolated)
    {
        var both = SeedVariants.Get(71_400) + "\npublic static bool[] Algorithm(int[][] formula) => new bool[formula.Length + 1];\n";
        var satisfiability = EntrySignature.Solution(TaskCatalog.Get("three_sat").ParameterTypes);
        AdmissionRequest[] requests =
        [
            Request(both),
            new(both, CandidateKind.Solution, satisfiability),
            // The same request again, its signature's types in a list of its own.
            new(both, CandidateKind.Solution, EntrySignature.Solution([.. Parity.ParameterTypes])),
        ];
        using IAdmitter admitter = isolated ? new AdmissionProcess(new SandboxOptions()) : new InProcessAdmitter(new CandidateCompiler());

        var together = admitter.AdmitMany(requests);
        var alone = requests.Select(r => admitter.AdmitMany([r])[0]).ToList();

        Assert.All(together, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.Equal(alone.Select(c => c.Entry), together.Select(c => c.Entry));
        Assert.All(together, c => Assert.StartsWith(BatchCompiler.NamespacePrefix, c.Entry!.TypeName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACandidateReadingAnAnonymousTypesName_ScoresAsAlone_WhateverItIsAdmittedWith()
    {
        // The compiler numbers anonymous types across an assembly: in a batch the name would depend on the company.
        var reader = $"{Header}    var name = new List<object>().Select(o => new {{ Zed = 1 }}).ToList().ToString();\n"
            + "    return testSamples.Select(s => (s.Sum() + name[name.IndexOf(\"Type\", StringComparison.Ordinal) + 4]) % 2).ToArray();\n}\n";
        var company = $"{Header}    var pair = new {{ Alpha = 1, Beta = 2 }};\n    return new int[testSamples.Length + pair.Alpha - 1];\n}}\n";

        await AssertRunsAsAlone(reader, company);
    }

    [Fact]
    public async Task ACandidateReadingAnAnonymousDelegatesName_ScoresAsAlone_WhateverItIsAdmittedWith()
    {
        // A method group with a default parameter has a delegate type the compiler writes and numbers across the
        // assembly, as a params one does; nothing in the text says so short of binding it (found by a review).
        var reader = "int AddDefault(int a, int b = 1) => a + b;\n"
            + $"{Header}    var add = AddDefault;\n    var name = add.ToString();\n"
            + "    return testSamples.Select(s => (s.Sum() + (name.Contains(\"Delegate0\") ? 0 : 1)) % 2).ToArray();\n}\n";
        var company = $"int Count(params int[] xs) => xs.Length;\n{Header}    var count = Count;\n    return new int[testSamples.Length + count() ];\n}}\n";

        await AssertRunsAsAlone(reader, company);
    }

    [Fact]
    public async Task WhatThePolicyAsksOfACandidatesOwnTypes_IsNotAskedOfItsCompany()
    {
        // Found by a review: a companion writing its own Equals made the walk refuse this candidate's HashSet<object>
        // in the batch, so it went down the script path under other names (0.4675 batched, 0.5325 alone).
        var candidate = "class Node { }\nstatic T Id<T>(T x) => x;\n"
            + $"{Header}    var seen = new HashSet<object>();\n    seen.Add(Id(1));\n    var name = new Node().ToString();\n"
            + "    return testSamples.Select(s => (s.Sum() + name.Length) % 2).ToArray();\n}\n";
        var company = "class K { public int V; public override bool Equals(object? o) => o is K k && k.V == V; public override int GetHashCode() => V; }\n"
            + $"{Header}    return new int[testSamples.Length];\n}}\n";

        await AssertRunsAsAlone(candidate, company);
    }

    [Fact]
    public void CandidatesWhoseStringsTogetherPassWhatAnAssemblyHolds_RunUnderTheNamesTheyHaveAlone()
    {
        // Twelve candidates of 0.92 million characters of constants each: 22 MB of strings, past an assembly's 16 MB.
        var candidates = Enumerable.Range(0, 12).Select(i =>
            $"static class K\n{{\n    public const string A0 = \"{new string('x', 900)}{i}\";\n"
            + string.Concat(Enumerable.Range(1, 10).Select(k => $"    public const string A{k} = A{k - 1} + A{k - 1};\n"))
            + $"}}\n{Header}    return new int[testSamples.Length + K.A10.Length % 1];\n}}\n").ToList();
        var compiler = new CandidateCompiler();

        var together = compiler.AdmitMany([.. candidates.Select(Request)]);
        var alone = candidates.Select(c => compiler.AdmitMany([Request(c)])[0]).ToList();

        Assert.All(together, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.Equal(alone.Select(c => c.Entry), together.Select(c => c.Entry));
    }

    [Fact]
    public void CandidatesAdmittedTogether_ShareOneAssembly_AcrossTheChannel()
    {
        using var admitter = new AdmissionProcess(new SandboxOptions());

        var together = admitter.AdmitMany([.. Enumerable.Range(71_500, 4).Select(i => Request(SeedVariants.Get(i)))]);

        Assert.All(together, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.Single(together.Select(c => c.Assembly).Distinct());
    }

    /// <summary>
    /// Asserts that <paramref name="candidate"/>, admitted after <paramref name="company"/>, is admitted under the names
    /// it has alone and scores as it does alone.
    /// </summary>
    private async Task AssertRunsAsAlone(string candidate, string company)
    {
        var compiler = new CandidateCompiler();

        var alone = compiler.AdmitMany([Request(candidate)])[0];
        var together = compiler.AdmitMany([Request(company), Request(candidate)]);

        Assert.All(together, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.Equal(alone.Entry, together[1].Entry);
        Assert.Equal(
            (await fixture.Sandbox.EvaluateAsync(alone, Parity, Split.Val)).Score,
            (await fixture.Sandbox.EvaluateAsync(together[1], Parity, Split.Val)).Score);
    }

    private static AdmissionRequest Request(string text) => new(text, CandidateKind.Solution, EntrySignature.Solution(Parity.ParameterTypes));

    [Fact]
    public async Task AnAdmissionProcessThatNobodyStops_EndsItself_PastTheBackstop()
    {
        // As when the host dies mid-batch: nothing kills the process (the host side waits five minutes here). Twenty
        // slow candidates each meet the one-second backstop, alone after together: more than the process allows itself.
        var process = WorkerProcess.Start(new SandboxOptions(), WorkerRole.Admission);
        await using var _ = process;
        var slow = Enumerable.Range(0, 20).Select(i => DoublingChain(26).Replace("ys", $"ys{i}", StringComparison.Ordinal));
        var job = new AdmitCandidates(
            [.. slow.Select(text => CandidateText.Of(Request(text)))],
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
