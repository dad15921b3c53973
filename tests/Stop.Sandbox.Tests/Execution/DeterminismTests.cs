using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>The same candidate on the same instances gets the same outcome, in any worker, every time.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DeterminismTests(SandboxFixture fixture)
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");

    private const string RandomGuesser = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var rng = new Random();
            var shared = Random.Shared.Next(2);
            return testSamples.Select(_ => (rng.Next(2) + shared) % 2).ToArray();
        }
        """;

    [Fact]
    public async Task RandomWithoutASeed_ScoresTheSameEveryTime()
    {
        var first = await fixture.Sandbox.ScoreAsync(RandomGuesser, Parity, Split.Val);
        var second = await fixture.Sandbox.ScoreAsync(RandomGuesser, Parity, Split.Val);

        Assert.Equal(Verdict.Ok, first.Verdict);
        OutcomeAssert.Same(first, second);
    }

    [Fact]
    public async Task HashValues_AreTheSame_InEveryWorker()
    {
        // .NET seeds string hashing and HashCode at random once per process; workers fix both seeds first thing.
        const string Hasher = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                Console.Write($"{"parity".GetHashCode()} {HashCode.Combine(1, "two")} {(3, "four").GetHashCode()} {StringComparer.Ordinal.GetHashCode("five")} ");
                return testSamples.Select(row => Math.Abs(string.Join(",", row).GetHashCode()) % 2).ToArray();
            }
            """;
        var outcomes = new List<Evaluation>();
        for (var i = 0; i < 2; i++)
        {
            // A sandbox of its own each time: another worker process, which would draw other seeds.
            await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
            outcomes.Add(await sandbox.ScoreAsync(Hasher, Parity, Split.Val));
        }

        Assert.True(outcomes[0].Verdict == Verdict.Ok, $"{outcomes[0].Verdict.ToWord()}: {outcomes[0].Reason}");
        Assert.Equal(outcomes[0].Console, outcomes[1].Console);
        OutcomeAssert.Same(outcomes[0], outcomes[1]);
    }

    [Fact]
    public async Task TheMathLibrarysCode_IsTheWorkersOwn_NotPickedByTheProcessorOrTheHostsEnvironment()
    {
        // Found by a review: the C library picks its sin, exp, pow, … by processor feature (FMA), and the last bits
        // differ; GLIBC_TUNABLES, inherited from the host, picks as a processor without FMA would.
        const string Bits = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                Console.Write($"{BitConverter.DoubleToInt64Bits(Math.Sin(235.40213999246706))} {BitConverter.DoubleToInt64Bits(Math.Exp(3.7123456789))} {BitConverter.DoubleToInt64Bits(Math.Pow(1.0001234, 977.5))} ");
                return new int[testSamples.Length];
            }
            """;
        var inherited = Environment.GetEnvironmentVariable("GLIBC_TUNABLES");
        var outcomes = new List<Evaluation>();
        try
        {
            foreach (var tunables in (string?[])[null, "glibc.cpu.hwcaps=-AVX2_Usable,-FMA_Usable,-AVX2,-FMA"])
            {
                Environment.SetEnvironmentVariable("GLIBC_TUNABLES", tunables);
                await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
                outcomes.Add(await sandbox.ScoreAsync(Bits, Parity, Split.Val));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("GLIBC_TUNABLES", inherited);
        }

        Assert.True(outcomes[0].Verdict == Verdict.Ok, $"{outcomes[0].Verdict.ToWord()}: {outcomes[0].Reason}");
        Assert.Equal(outcomes[0].Console, outcomes[1].Console);
    }

    [Fact]
    public async Task TheLibrarysVectorWidth_IsTheSameOnEveryProcessor()
    {
        // Found by a review: Enumerable.Sum adds an int[] in as many lanes as Vector<int> holds (8 with AVX2, 4
        // without), each checked for overflow, so whether this sum throws depended on the processor.
        const string Summer = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var a = new int[32]; a[0] = int.MaxValue; a[4] = 1; a[8] = -1;
                try { Console.Write(a.Sum()); } catch (OverflowException) { Console.Write("overflow"); }
                return new int[testSamples.Length];
            }
            """;
        var usual = await fixture.Sandbox.ScoreAsync(Summer, Parity, Split.Val);
        // The same worker as a processor without AVX2 runs it.
        await using var narrow = new CandidateSandbox(new SandboxOptions
        {
            Parallelism = 1,
            WorkerCommand = ["env", "DOTNET_EnableAVX2=0", .. Workers.WorkerCommand.Resolve(new SandboxOptions())],
        });
        var withoutAvx2 = await narrow.ScoreAsync(Summer, Parity, Split.Val);

        Assert.True(usual.Verdict == Verdict.Ok, $"{usual.Verdict.ToWord()}: {usual.Reason}");
        Assert.Equal(usual.Console, withoutAvx2.Console);
    }

    /// <summary>Hashing objects inside a set draws identity hash codes from the candidate thread's sequence, moving it on.</summary>
    private const string Churner = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var seen = new HashSet<object>();
            for (var i = 0; i < 10000; i++) seen.Add(new object());
            return new int[testSamples.Length];
        }
        """;

    /// <summary>The outcome of a candidate in a worker whose identity hash sequence an earlier job moved on, and in a fresh one.</summary>
    private static async Task<(Evaluation AfterChurn, Evaluation Fresh)> AfterChurnAndFresh(string candidate)
    {
        await using var used = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        Assert.Equal(Verdict.Ok, (await used.ScoreAsync(Churner, Parity, Split.Val)).Verdict);
        var afterChurn = await used.ScoreAsync(candidate, Parity, Split.Val);
        await using var fresh = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        return (afterChurn, await fresh.ScoreAsync(candidate, Parity, Split.Val));
    }

    [Fact]
    public async Task CollidingIdentityHashCodes_CannotRunTheCandidatesEquals()
    {
        // The set would call Key.Equals, metered, exactly when another object's identity hash code equals a key's hash
        // code; the framework's shared objects keep the codes they drew in earlier jobs, so that is refused.
        const string Colliding = """
            class Key(int hash)
            {
                public static int Calls;
                public override bool Equals(object? o) { Calls++; return false; }
                public override int GetHashCode() => hash;
            }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var set = new HashSet<object>();
                for (var i = 0; i < 1 << 18; i++) set.Add(new Key(i * 256 + 1));
                for (var i = 0; i < 60000; i++) set.Add(new object());
                set.Add(Array.Empty<int>());
                return testSamples.Select(_ => Key.Calls % 2).ToArray();
            }
            """;

        var evaluation = await fixture.Sandbox.ScoreAsync(Colliding, Parity, Split.Val);

        Assert.Equal(Verdict.PolicyViolation, evaluation.Verdict);
        Assert.Contains("System.Object as a hashed key", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashCodesTheCandidateMaySee_DoNotDependOnWhatRanBefore_InTheWorker()
    {
        const string Hasher = """
            using System.Collections.Frozen;
            using System.Collections.Immutable;
            record struct Cell(int Row, string Tag);
            class Key
            {
                public int A;
                public override bool Equals(object? o) => o is Key k && k.A == A;
                public override int GetHashCode() => A * 31;
            }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var words = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();
                Console.Write($"{new Cell(1, "t").GetHashCode()} {HashCode.Combine(new Key { A = 2 }, new { A = 3, B = "b" }, (4, "four"))} ");
                Console.Write(string.Join(",", ImmutableHashSet.Create(words)) + " " + string.Join(",", words.ToFrozenSet()));
                return testSamples.Select(row => Math.Abs(HashCode.Combine(new Cell(row[0], "r"), row.Length)) % 2).ToArray();
            }
            """;
        var (afterChurn, first) = await AfterChurnAndFresh(Hasher);

        Assert.True(first.Verdict == Verdict.Ok, $"{first.Verdict.ToWord()}: {first.Reason}");
        Assert.Equal(first.Console, afterChurn.Console);
        OutcomeAssert.Same(first, afterChurn);
    }

    [Fact]
    public async Task FuelCount_IsTheSame_AcrossRepeatsAndRecycledWorkers()
    {
        await using var recycling = new CandidateSandbox(new SandboxOptions { JobsPerWorker = 1, Parallelism = 1 });
        var seed = Parity.SeedSolution;

        var shared = await fixture.Sandbox.ScoreAsync(seed, Parity, Split.Val);
        var fresh1 = await recycling.ScoreAsync(seed, Parity, Split.Val);
        var fresh2 = await recycling.ScoreAsync(seed, Parity, Split.Val);

        Assert.True(shared.Fuel > 0);
        Assert.Equal(shared.Fuel, fresh1.Fuel);
        Assert.Equal(shared.Fuel, fresh2.Fuel);
        Assert.Equal(shared.Score, fresh2.Score);
        Assert.Equal(2, recycling.WorkersStarted);
    }

    [Fact]
    public async Task StaticStateOfOneJob_DoesNotReachTheNext()
    {
        const string counter = """
            public static class Memory { public static int Calls; }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                Memory.Calls++;
                return testSamples.Select(_ => Memory.Calls % 2).ToArray();
            }
            """;
        await using var single = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });

        var first = await single.ScoreAsync(counter, Parity, Split.Val);
        var second = await single.ScoreAsync(counter, Parity, Split.Val);

        Assert.Equal(1, single.WorkersStarted);
        Assert.Equal(first.Score, second.Score);
    }

    [Fact]
    public async Task HeapThatOneJobKeptInStatics_IsFreed_BeforeTheNextNeedsTheRoom()
    {
        const string holder = """
            public static class Kept { public static int[]? Block; }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                Kept.Block ??= new int[90_000_000];
                return new int[testSamples.Length];
            }
            """;
        const string needsRoom = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var block = new int[50_000_000];
                return new int[testSamples.Length + block[0]];
            }
            """;
        await using var single = new CandidateSandbox(new SandboxOptions { Parallelism = 1, WorkerMemoryBytes = 512L << 20 });

        var held = await single.ScoreAsync(holder, Parity, Split.Val);
        var after = await single.ScoreAsync(needsRoom, Parity, Split.Val);

        Assert.Equal(Verdict.Ok, held.Verdict);
        Assert.True(after.Verdict == Verdict.Ok, $"{after.Verdict}: {after.Reason}");
    }

    [Fact]
    public async Task InputsMutatedByOneJob_AreFreshForTheNext()
    {
        // Workers generate each instance once and hand out copies: a candidate that scribbles over its inputs must
        // not change what the next candidate in the same worker sees, nor its own later score.
        const string vandal = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var seen = testSamples[0][0] + trainParity[0];
                foreach (var row in testSamples) { Array.Fill(row, 1); }
                Array.Fill(trainParity, 1);
                return testSamples.Select(_ => seen % 2).ToArray();
            }
            """;
        await using var single = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });

        var before = await single.ScoreAsync(Parity.SeedSolution, Parity, Split.Val);
        var first = await single.ScoreAsync(vandal, Parity, Split.Val);
        var second = await single.ScoreAsync(vandal, Parity, Split.Val);
        var after = await single.ScoreAsync(Parity.SeedSolution, Parity, Split.Val);

        Assert.Equal(1, single.WorkersStarted);
        Assert.Equal(Verdict.Ok, first.Verdict);
        OutcomeAssert.Same(first, second);
        OutcomeAssert.Same(before, after);
    }

    [Fact]
    public async Task TopLevelCode_RunsBeforeTheInstances_AndIsMetered()
    {
        // A script with statements or initializers runs them first, as Python's exec of a module would.
        const string withTopLevel = """
            var table = Enumerable.Range(0, 10).Select(i => i % 2).ToArray();
            int offset = 1;
            Console.WriteLine("ready");
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) =>
                testSamples.Select(s => (table[s.Length - 1] + offset) % 2).ToArray();
            """;
        const string withoutTopLevel = """
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) =>
                testSamples.Select(s => 0).ToArray();
            """;
        const string endless = """
            while (true) { }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => new int[testSamples.Length];
            """;

        var with = await fixture.Sandbox.ScoreAsync(withTopLevel, Parity, Split.Val);
        var without = await fixture.Sandbox.ScoreAsync(withoutTopLevel, Parity, Split.Val);
        var looping = await fixture.Sandbox.ScoreAsync(endless, Parity, Split.Val);

        Assert.Equal(Verdict.Ok, with.Verdict);
        Assert.Contains("ready", with.Console, StringComparison.Ordinal);
        Assert.Equal(without.Instances.Select(i => i.Score), with.Instances.Select(i => i.Score));
        Assert.Equal(Verdict.Timeout, looping.Verdict);
        Assert.StartsWith("top-level code", looping.Reason, StringComparison.Ordinal);
    }
}
