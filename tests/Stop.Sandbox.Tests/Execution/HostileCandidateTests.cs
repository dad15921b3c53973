using Stop.Tasks;

namespace Stop.Sandbox.Tests.Execution;

/// <summary>Candidates that misbehave at run time: each is contained, gets its verdict and STOP's failure floor.</summary>
[Collection(SandboxCollection.Name)]
public sealed class HostileCandidateTests(SandboxFixture fixture)
{
    private const string Signature = "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)";
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");

    private Task<Evaluation> Score(string body) =>
        fixture.Sandbox.ScoreAsync($"{Signature}\n{{\n{body}\n}}", Parity, Split.Val);

    [Fact]
    public async Task InfiniteLoop_RunsOutOfFuel_AndScoresTheFailureFloor()
    {
        var evaluation = await Score("while (true) { } ");

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
        Assert.Equal(Parity.FailureFloor, evaluation.Score);
        Assert.Contains("fuel", evaluation.Reason);
    }

    [Fact]
    public async Task SwallowingTheFuelException_DoesNotEscapeTheLimit()
    {
        var evaluation = await Score("""
            var n = 0;
            for (var i = 0; i < 3; i++) { try { while (true) { n++; } } catch { } }
            return new int[testSamples.Length];
            """);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Equal(Parity.FailureFloor, evaluation.Score);
    }

    [Fact]
    public async Task UnboundedRecursion_TripsTheCountedDepthLimit()
    {
        var evaluation = await fixture.Sandbox.ScoreAsync($$"""
            int Down(int n) => Down(n + 1) + 1;
            {{Signature}} { Down(0); return new int[testSamples.Length]; }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
    }

    [Theory]
    [InlineData("IEnumerable<int>?")]
    [InlineData("System.Collections.Generic.IEnumerator<int>?")]
    [InlineData("E")]
    public async Task RecursionInsideAnIteratorsYieldedValue_TripsTheCountedDepthLimit_HoweverItsTypeIsSpelt(string type)
    {
        // The yielded value is computed before the iterator leaves its level; were it computed after, recursion through
        // it would count no depth and end on the real stack, a crash decided by the memory cap.
        var evaluation = await fixture.Sandbox.ScoreAsync($$"""
            using E = System.Collections.Generic.IEnumerable<int>;
            {{type}} Deep(int n)
            {
                yield return n >= 1_000_000 ? n : Next(n);
            }
            int Next(int n) { var e = Deep(n + 1)!{{(type.Contains("IEnumerator", StringComparison.Ordinal) ? "" : ".GetEnumerator()")}}; e.MoveNext(); return e.Current; }
            {{Signature}} { var d = Next(0); return new int[testSamples.Length]; }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
    }

    [Fact]
    public async Task AStoredExceptionsStackTrace_ShowsNoneOfTheSandboxesFrames_NorWhereStopWasBuilt()
    {
        // Found by a review: the trace of an exception kept past its instance named the worker's own frames with the
        // absolute paths Stop was built in, so a score could depend on the build folder.
        var evaluation = await fixture.Sandbox.ScoreAsync("""
            static int calls = 0;
            static Exception saved;
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                calls++;
                if (calls == 1) { saved = new InvalidOperationException("boom"); throw saved; }
                if (calls == 2) { Console.WriteLine(saved.StackTrace); }
                return new int[testSamples.Length];
            }
            """, TaskCatalog.Get("parity_noiseless"), Split.Val);

        Assert.Equal(Verdict.RuntimeError, evaluation.Verdict);
        Assert.Contains("at Candidate.Algorithm(", evaluation.Console);
        Assert.DoesNotContain("LoadedCandidate", evaluation.Console);
        Assert.DoesNotContain("SolutionRunner", evaluation.Console);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(evaluation.Console, @" in (\S+):line"), path => Assert.StartsWith("/_/", path.Groups[1].Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("foreach (var x in G(n + 1)) { break; }")]
    [InlineData("using (var e = G(n + 1).GetEnumerator()) { e.MoveNext(); }")]
    public async Task RecursionThroughAnIteratorsFinally_AsItIsDisposed_TripsTheCountedDepthLimit(string abandon)
    {
        // Found by a review: disposing a suspended iterator runs its finally at the disposer's depth, so a finally that
        // starts and abandons another iterator recursed without counting, to the real stack.
        var evaluation = await fixture.Sandbox.ScoreAsync($$"""
            IEnumerable<int> G(int n)
            {
                try { yield return n; }
                finally { {{abandon}} }
            }
            {{Signature}} { foreach (var x in G(0)) { break; } return new int[testSamples.Length]; }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
    }

    [Theory]
    [InlineData("IEnumerator<int> A(IEnumerator<int> inner) { using (inner) { yield return 1; } }", "var next = A(cur);", "cur.Dispose();")]
    [InlineData("IEnumerator<int> A(IEnumerator<int> inner) { using var held = inner; yield return 1; }", "var next = A(cur);", "cur.Dispose();")]
    [InlineData("IEnumerable<int> A(IEnumerator<int> inner) { using (inner) { yield return 1; } }", "var next = A(cur).GetEnumerator();", "foreach (var x in A(cur)) { break; }")]
    public async Task AChainOfIteratorsDisposedByTheCompilersHiddenFinally_TripsTheCountedDepthLimit(string link, string start, string dispose)
    {
        // Found by a review: using and foreach dispose in finally blocks the compiler writes and syntax cannot reach.
        // A chain built in a loop, each iterator suspended inside one and holding the last, was disposed from its end
        // down, a million deep, with no depth counted: a crash on the real stack, decided by the memory cap.
        var evaluation = await fixture.Sandbox.ScoreAsync($$"""
            IEnumerator<int> Leaf() { yield return 0; }
            {{link}}
            {{Signature}}
            {
                var cur = Leaf(); cur.MoveNext();
                for (var i = 0; i < 1_000_000; i++) { {{start}} next.MoveNext(); cur = next; }
                {{dispose}}
                return new int[testSamples.Length];
            }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
    }

    [Fact]
    public async Task AnExceptionMessageOfMillionsOfBatchPrefixes_IsSummedUpInOnePass_NotByTheBackstop()
    {
        // Found by a review: the reason was made by removing each batch namespace prefix from the whole message, a copy
        // each time, outside the meter: 400,000 of them held a worker for 120 s on one unit of fuel, decided by the clock.
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Backstop = TimeSpan.FromSeconds(20), Parallelism = 1 });
        var evaluation = await sandbox.ScoreAsync($$"""
            {{Signature}} { throw new Exception("kept\r\nline " + string.Concat(Enumerable.Repeat("Stop" + "Candidate_a.", 400_000)) + new string('x', 400)); }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.RuntimeError, evaluation.Verdict);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
        Assert.Equal("instance 0: Exception: kept line " + new string('x', 290) + "…", evaluation.Reason);
    }

    [Theory]
    [InlineData("a\r\nb\nc\u2028d", "a b c d")]
    [InlineData("at StopCandidate_0a1b.Candidate+Node and StopCandidate_.x and StopCandidate_ff!", "at Candidate+Node and StopCandidate_.x and StopCandidate_ff!")]
    [InlineData("StopCandidate_01.StopCandidate_02.Candidate", "Candidate")]
    public void AReasonsMessage_IsOneLine_WithoutBatchNamespaces(string message, string summary) =>
        Assert.Equal(summary, Stop.Sandbox.Execution.MeteredCall.Summary(message));

    [Fact]
    public async Task AnIteratorDisposingItselfWhileItRuns_GivesBackNoLevelItStillHolds()
    {
        // Found by a review: Dispose called from inside the body ran the iterator's release while the body still ran,
        // so each level of this recursion counted none, and 5,000 of them passed the limit of 1,000.
        var evaluation = await fixture.Sandbox.ScoreAsync($$"""
            class H { public IEnumerator<int> E; }
            static IEnumerator<int> R(H h, int n)
            {
                h.E.Dispose();
                if (n < 5000) { var next = new H(); next.E = R(next, n + 1); next.E.MoveNext(); }
                yield return n;
            }
            {{Signature}} { var h = new H(); h.E = R(h, 0); h.E.MoveNext(); return new int[testSamples.Length]; }
            """, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
    }

    [Fact]
    public async Task MemoryHog_IsStoppedByTheMemoryCap_AndRecordedAsSuch()
    {
        var evaluation = await Score("var hoard = new List<long[]>(); while (true) { hoard.Add(new long[1 << 22]); }");

        Assert.Equal(Verdict.OutOfMemory, evaluation.Verdict);
        Assert.Equal(DecidedBy.MemoryCap, evaluation.DecidedBy);
        Assert.Equal(Parity.FailureFloor, evaluation.Score);
    }

    /// <summary>
    /// Catching the exception does not undo running out of memory: a candidate that could carry on would learn how much
    /// heap its worker had left, which differs from run to run.
    /// </summary>
    [Fact]
    public async Task ACandidateThatCatchesOutOfMemory_StillEndsOutOfMemory_DecidedByTheCap()
    {
        var evaluation = await Score("long lo = 0, hi = 2048; while (hi - lo > 1) { var mid = (lo + hi) / 2; bool ok; try { ok = new long[mid * 131072].Length > 0; } catch { ok = false; } if (ok) lo = mid; else hi = mid; } return new int[testSamples.Length];");

        Assert.Equal(Verdict.OutOfMemory, evaluation.Verdict);
        Assert.Equal(DecidedBy.MemoryCap, evaluation.DecidedBy);
    }

    [Fact]
    public async Task TheCandidateAfterOneThatReachedTheMemoryCap_RunsInAFreshWorker()
    {
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        const string Nested = "object[] a = [1]; for (var i = 0; i < 1_000_000; i++) { a = [a]; } return new int[testSamples.Length];";

        var hog = await sandbox.ScoreAsync($"{Signature}\n{{ var hoard = new List<long[]>(); while (true) {{ hoard.Add(new long[1 << 22]); }} }}", Parity, Split.Val);
        var next = await sandbox.ScoreAsync($"{Signature}\n{{ {Nested} }}", Parity, Split.Val);

        Assert.Equal(Verdict.OutOfMemory, hog.Verdict);
        Assert.True(next.Verdict == Verdict.Ok, $"{next.Verdict.ToWord()}: {next.Reason}");
    }

    [Fact]
    public async Task ThrowingCandidate_IsARuntimeError_AtTheFailureFloor()
    {
        var evaluation = await Score("throw new InvalidOperationException(\"no idea\");");

        Assert.Equal(Verdict.RuntimeError, evaluation.Verdict);
        Assert.Contains("InvalidOperationException: no idea", evaluation.Reason);
        Assert.Equal(Parity.FailureFloor, evaluation.Score);
        Assert.Single(evaluation.Instances);
    }

    [Fact]
    public async Task AnExceptionsOwnMessage_IsMeteredCandidateCode()
    {
        const string Thrower = """
            class Endless : Exception
            {
                public override string Message { get { var n = 0; while (LIMIT) { n++; } return $"counted {n}"; } }
            }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => throw new Endless();
            """;
        var counted = await fixture.Sandbox.ScoreAsync(Thrower.Replace("LIMIT", "n < 1_000_000"), Parity, Split.Val);
        var endless = await fixture.Sandbox.ScoreAsync(Thrower.Replace("LIMIT", "true"), Parity, Split.Val);

        Assert.Equal(Verdict.RuntimeError, counted.Verdict);
        Assert.Contains("Endless: counted 1000000", counted.Reason);
        Assert.True(counted.Fuel > 1_000_000, $"fuel {counted.Fuel}");
        Assert.True(endless.Verdict == Verdict.Timeout, $"{endless.Verdict.ToWord()}: {endless.Reason}");
    }

    [Fact]
    public async Task OutputOfTheWrongShape_ScoresZero_AndIsInvalidOutput()
    {
        var evaluation = await Score("return new int[1000];");

        Assert.Equal(Verdict.InvalidOutput, evaluation.Verdict);
        Assert.Equal(0, evaluation.Score);
        Assert.Equal(Parity.InstanceCount(Split.Val), evaluation.Instances.Count);
    }

    [Fact]
    public async Task TextThatIsNotCode_IsACompileError_ScoringZero()
    {
        var evaluation = await fixture.Sandbox.ScoreAsync("I think the best approach is to use Gaussian elimination.", Parity, Split.Val);

        Assert.Equal(Verdict.CompileError, evaluation.Verdict);
        Assert.Equal(0, evaluation.Score);
        Assert.NotEmpty(evaluation.Diagnostics);
    }

    [Fact]
    public async Task CodeWithoutAlgorithm_IsACompileError_NamingTheSignature()
    {
        var evaluation = await fixture.Sandbox.ScoreAsync("int Solve(int x) => x;", Parity, Split.Val);

        Assert.Equal(Verdict.CompileError, evaluation.Verdict);
        Assert.Contains("Algorithm(int[][], int[], int[][])", evaluation.Reason);
    }

    [Fact]
    public async Task StackOverflowInsideTheLibrary_CrashesOnlyItsWorker()
    {
        // Comparing arrays nested a million deep recurses inside the library, where no candidate frame is counted:
        // the recursion reaches the real stack, the worker dies, and the host records a crash and carries on.
        var crashed = await Score("object[] a = [1], b = [1]; for (var i = 0; i < 1_000_000; i++) { a = [a]; b = [b]; } var same = System.Collections.StructuralComparisons.StructuralEqualityComparer.Equals(a, b); return new int[testSamples.Length];");
        var after = await fixture.Sandbox.ScoreAsync(Parity.SeedSolution, Parity, Split.Val);

        Assert.True(crashed.Verdict == Verdict.Crashed, $"{crashed.Verdict.ToWord()}: {crashed.Reason}");
        Assert.Contains("stack", crashed.Reason);
        Assert.Equal(DecidedBy.MemoryCap, crashed.DecidedBy);
        Assert.Equal(Parity.FailureFloor, crashed.Score);
        Assert.Equal(Verdict.Ok, after.Verdict);
    }

    [Fact]
    public async Task SuspendedAndAbandonedIterators_HoldNoDepth_AndGiveNoneBack()
    {
        // Five thousand iterators left suspended and five thousand abandoned mid-way by First(): a recursion just
        // inside the limit still fits (no depth is held), and one just past it still trips it (none is given back twice).
        const string Iterators = """
            IEnumerable<int> Count() { for (var i = 0; ; i++) { yield return i; } }
            int Down(int n) => n == 0 ? 0 : Down(n - 1) + 1;
            var held = new List<IEnumerator<int>>();
            for (var i = 0; i < 5000; i++) { var e = Count().GetEnumerator(); e.MoveNext(); held.Add(e); }
            for (var i = 0; i < 5000; i++) { var first = Count().First(); }
            """;

        var inside = await Score(Iterators + "var d = Down(990);\nreturn new int[testSamples.Length];");
        var past = await Score(Iterators + "var d = Down(1001);\nreturn new int[testSamples.Length];");

        Assert.True(inside.Verdict == Verdict.Ok, $"{inside.Verdict.ToWord()}: {inside.Reason}");
        Assert.Equal(Verdict.Timeout, past.Verdict);
        Assert.Contains("depth", past.Reason);
    }

    [Fact]
    public async Task WorkThatFuelCannotSee_IsStoppedByTheBackstop_AndRecordedAsSuch()
    {
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Backstop = TimeSpan.FromSeconds(2), Parallelism = 1 });

        // Reversing four million integers is one library call, and one unit of fuel.
        var evaluation = await sandbox.ScoreAsync(
            $"{Signature}\n{{ var a = new int[1 << 22]; while (true) {{ Array.Reverse(a); }} }}", Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Equal(DecidedBy.WallClockBackstop, evaluation.DecidedBy);
        Assert.Equal(Parity.FailureFloor, evaluation.Score);
    }

    [Fact]
    public async Task ABackstopShorterThanAJobsCountedWork_StillLetsEachInstanceFinish()
    {
        // Found by a review: counted fuel lets each of 20 instances run for seconds, and the backstop, then per job,
        // stopped a candidate every instance of which fuel alone bounds. It now guards each instance: four instances
        // of about 2.5 s each here (eleven 64-bit divisions a unit of fuel) pass an 8 s backstop, which stopped them
        // when it guarded the job (on a machine much faster than these, the test would pass either way).
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Backstop = TimeSpan.FromSeconds(8), Parallelism = 1 });

        var evaluation = await sandbox.ScoreAsync($$"""
            int calls = 0;
            {{Signature}}
            {
                calls++;
                long a = trainSamples.Length + 1000003, b = testSamples.Length + 3, x = 987654321987L;
                for (var i = 0; calls <= 4 && i < 57_000_000; i++)
                {
                    x = (((((((((((x / b + a) / b + a) / b + a) / b + a) / b + a) / b + a) / b + a) / b + a) / b + a) / b + a) / b + a);
                }
                return new int[testSamples.Length + (x == 42 ? 1 : 0)];
            }
            """, TaskCatalog.Get("parity_noiseless"), Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{evaluation.Verdict.ToWord()}: {evaluation.Reason}");
        Assert.Equal(DecidedBy.Counted, evaluation.DecidedBy);
    }

    [Fact]
    public async Task ConsoleOutput_IsCapturedAndBounded_AndNeverReachesTheChannel()
    {
        var evaluation = await Score("""
            for (var i = 0; i < 100000; i++) { Console.Write("\u0004\0\0\0{\"type\":\"solution-outcome\"}"); }
            Console.WriteLine("done");
            return new int[testSamples.Length];
            """);

        Assert.Equal(Verdict.Ok, evaluation.Verdict);
        Assert.Contains("console output cut", evaluation.Console);
        Assert.True(evaluation.Console.Length < fixture.Sandbox.Options.MaxOutputChars + 200);
    }
}
