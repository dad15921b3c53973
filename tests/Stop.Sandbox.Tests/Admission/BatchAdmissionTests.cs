using System.Text;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Bench;
using Stop.Tasks;

namespace Stop.Sandbox.Tests.Admission;

/// <summary>
/// Candidates admitted together get exactly what each would get alone: the same verdicts and messages, the same
/// scores and fuel; and an assembly of a batch holds only admitted code.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BatchAdmissionTests(SandboxFixture fixture)
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");
    private static readonly EntrySignature Signature = EntrySignature.Solution(Parity.ParameterTypes);

    private const string StaticSolver = """
        using System.Text;

        public static class Solver
        {
            public static int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) =>
                testSamples.Select(s => s.Sum() % 2).ToArray();
        }
        """;

    private const string CompileError = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            return undefinedName;
        }
        """;

    private const string ReadsAFile = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var text = System.IO.File.ReadAllText("/etc/hostname");
            return new int[testSamples.Length];
        }
        """;

    private const string TopLevelCode = """
        var bias = 1;
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => testSamples.Select(_ => bias).ToArray();
        """;

    // Would bind to another batched candidate's wrapper if the batch took it.
    private const string ReachesAnotherCandidate = """
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) =>
            new StopCandidate_0.Candidate().Algorithm(trainSamples, trainParity, testSamples);
        """;

    private const string NamesTheScriptClass = """
        public class Candidate { public int Value = 1; }
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => testSamples.Select(_ => new Candidate().Value).ToArray();
        """;

    // A global using would reach every other candidate compiled with it.
    private const string GlobalUsing = """
        global using static System.MathF;
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => new int[testSamples.Length];
        """;

    private const string NoEntry = """
        int[] Guess(int[][] testSamples) => new int[testSamples.Length];
        """;

    private static readonly string[] Mixed =
    [
        SeedVariants.Get(70_001), CompileError, SeedVariants.Get(70_002), ReadsAFile, StaticSolver, TopLevelCode,
        ReachesAnotherCandidate, NamesTheScriptClass, NoEntry, "no code here at all", SeedVariants.Get(70_003), GlobalUsing,
    ];

    [Fact]
    public void AdmitMany_GivesEveryCandidateWhatAdmittingItAloneGives()
    {
        var compiler = new CandidateCompiler();
        var together = compiler.AdmitMany([.. Mixed.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))]);

        Assert.Equal(Mixed.Length, together.Count);
        for (var i = 0; i < Mixed.Length; i++)
        {
            var alone = compiler.Admit(Mixed[i], CandidateKind.Solution, Signature);
            Assert.Equal(alone.Hash, together[i].Hash);
            Assert.Equal(alone.Refusal, together[i].Refusal);
            Assert.Equal(alone.Reason, together[i].Reason);
            Assert.Equal(alone.Diagnostics, together[i].Diagnostics);
            Assert.Equal(alone.Violations, together[i].Violations);
            Assert.Equal(alone.Entry?.MethodName, together[i].Entry?.MethodName);
            Assert.Equal(alone.Entry, together[i].Entry);
        }
        Assert.Equal(Verdict.CompileError, together[1].Refusal);
        Assert.Equal(Verdict.PolicyViolation, together[3].Refusal);
        Assert.Equal(Verdict.CompileError, together[6].Refusal);
    }

    [Fact]
    public void AdmitMany_CompilesTheBatchableTogether_InAnAssemblyWithNothingRefused()
    {
        var together = new CandidateCompiler().AdmitMany([.. Mixed.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))]);

        var batched = together.Where(c => c.Entry?.TypeName.StartsWith("StopCandidate_", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([0, 2, 4, 10], batched.Select(c => Array.IndexOf([.. together], c)));
        Assert.All(batched, c => Assert.Same(batched[0].Assembly, c.Assembly));
        // Candidates taken alone keep their own assembly.
        Assert.NotSame(batched[0].Assembly, together[5].Assembly);
        var bytes = Encoding.UTF8.GetString(batched[0].Assembly!);
        Assert.DoesNotContain("ReadAllText", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("undefinedName", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchedCandidates_ScoreAsWhenAdmittedAlone()
    {
        var compiler = new CandidateCompiler();
        string[] texts = [SeedVariants.Get(70_011), StaticSolver, SeedVariants.Get(70_012)];
        var together = compiler.AdmitMany([.. texts.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))]);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.StartsWith("StopCandidate_", together[i].Entry!.TypeName, StringComparison.Ordinal);
            var batched = await fixture.Sandbox.EvaluateAsync(together[i], Parity, Split.Val);
            var alone = await fixture.Sandbox.EvaluateAsync(compiler.Admit(texts[i], CandidateKind.Solution, Signature), Parity, Split.Val);
            Assert.Equal(Verdict.Ok, batched.Verdict);
            OutcomeAssert.Same(alone, batched);
        }
    }

    [Fact]
    public async Task ARuntimeError_ReadsTheSameBatchedOrAlone()
    {
        const string miscast = """
            public sealed class Node { }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                object node = new Node();
                return (int[])node;
            }
            """;
        var compiler = new CandidateCompiler();
        var together = compiler.AdmitMany([.. new[] { miscast, SeedVariants.Get(70_021) }.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))]);
        Assert.StartsWith("StopCandidate_", together[0].Entry!.TypeName, StringComparison.Ordinal);

        var batched = await fixture.Sandbox.EvaluateAsync(together[0], Parity, Split.Val);
        var alone = await fixture.Sandbox.EvaluateAsync(compiler.Admit(miscast, CandidateKind.Solution, Signature), Parity, Split.Val);

        Assert.Equal(Verdict.RuntimeError, batched.Verdict);
        Assert.Contains("Node", alone.Reason, StringComparison.Ordinal);
        Assert.Equal(alone.Reason, batched.Reason);
    }

    [Fact]
    public async Task ACandidateThatReadsItsOwnTypeName_ScoresTheSame_AloneOrInAnyBatch()
    {
        // A type's default ToString is its full name, so a candidate can compute with it: it must be the same name
        // whoever the candidate is admitted with.
        const string introspective = """
            public sealed class Node { }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var name = new Node().ToString();
                return testSamples.Select((s, i) => (name.Length + i) % 2).ToArray();
            }
            """;
        var compiler = new CandidateCompiler();
        var alone = compiler.Admit(introspective, CandidateKind.Solution, Signature);
        var first = compiler.AdmitMany([.. new[] { introspective, SeedVariants.Get(70_031) }.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))])[0];
        var third = compiler.AdmitMany([.. new[] { SeedVariants.Get(70_032), SeedVariants.Get(70_033), introspective }.Select(text => new AdmissionRequest(text, CandidateKind.Solution, Signature))])[2];

        var scores = new List<IEnumerable<double>>();
        foreach (var candidate in new[] { alone, first, third })
        {
            Assert.Equal(alone.Entry, candidate.Entry);
            var evaluation = await fixture.Sandbox.EvaluateAsync(candidate, Parity, Split.Val);
            Assert.Equal(Verdict.Ok, evaluation.Verdict);
            scores.Add(evaluation.Instances.Select(x => x.Score));
        }
        Assert.Equal(scores[0], scores[1]);
        Assert.Equal(scores[0], scores[2]);
    }

    [Fact]
    public void DeeplyNestedText_IsRefused_BeforeAnyParserRecursesIntoIt()
    {
        var text = "int[] Algorithm(int[][] a, int[] b, int[][] c) => new int[" + new string('(', 100_000) + "c.Length" + new string(')', 100_000) + "];";

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.Equal(Verdict.CompileError, candidate.Refusal);
        Assert.Contains("nests brackets", candidate.Reason, StringComparison.Ordinal);
    }

    /// <summary>Text that costs the compiler in the host more than any candidate may ask: refused before compiling, quickly.</summary>
    [Theory]
    [InlineData("a chain of 20,000 ??", "string? s = null; var y = CHAIN;")]
    [InlineData("a generic type 20,000 deep", "List<GENERIC>? g = null;")]
    [InlineData("constant strings doubled 25 times", "var n = a25.Length;", "CONSTANTS")]
    [InlineData("constants of one name doubled 25 times, each in a class of its own", "var n = C25.a.Length;", "CLASSES")]
    [InlineData("constants of two names doubling each other through 25 nested classes", "var n = 0;", "NESTED")]
    [InlineData("a query of 400 lets", "var q = (from x in b LETS select x).ToArray();")]
    [InlineData("a chain of 300 calls", "var s = new StringBuilder()APPENDS.ToString();")]
    [InlineData("locals doubling their inferred tuple type 24 times", "var a0 = (1, 1);\n    DOUBLING\n    int z = a24;")]
    [InlineData("generic calls doubling a type, nested 24 deep", "int z = NESTED_D;", "static (T, T) D<T>(T x) => (x, x);")]
    public void TextThatCostsTheHostTooMuchToCompile_IsRefused_BeforeCompiling(string what, string body, string declarations = "")
    {
        var constants = string.Join("\n", Enumerable.Range(1, 25).Select(k => $"const string a{k} = a{k - 1} + a{k - 1};").Prepend("const string a0 = \"0123456789abcdef0123456789abcdef\";"));
        var classes = string.Join("\n", Enumerable.Range(1, 25).Select(k => $"class C{k} {{ public const string a = C{k - 1}.a + C{k - 1}.a; }}").Prepend("class C0 { public const string a = \"0123456789abcdef0123456789abcdef\"; }"));
        var nested = "const string x = \"0123456789abcdef0123456789abcdef\";\nclass C1 { const string y = Candidate.x + Candidate.x;\n"
            + string.Concat(Enumerable.Range(2, 24).Select(k => k % 2 == 0 ? $"class C{k} {{ const string x = y + y;\n" : $"class C{k} {{ const string y = x + x;\n"))
            + new string('}', 25);
        var text = declarations.Replace("CONSTANTS", constants).Replace("CLASSES", classes).Replace("NESTED", nested) + "\nint[] Algorithm(int[][] a, int[] b, int[][] c)\n{\n    "
            + body.Replace("NESTED_D", string.Concat(Enumerable.Repeat("D(", 24)) + "1" + new string(')', 24))
                .Replace("DOUBLING", string.Join("\n    ", Enumerable.Range(1, 24).Select(k => $"var a{k} = (a{k - 1}, a{k - 1});")))
                .Replace("APPENDS", string.Concat(Enumerable.Range(0, 300).Select(k => $".Append({k})")))
                .Replace("LETS", string.Join(" ", Enumerable.Range(0, 400).Select(k => $"let a{k} = x")))
                .Replace("CHAIN", string.Join(" ?? ", Enumerable.Repeat("s", 20_000))).Replace("GENERIC", string.Concat(Enumerable.Repeat("List<", 20_000)) + "int" + new string('>', 20_000))
            + "\n    return new int[c.Length];\n}";

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.True(candidate.Refusal == Verdict.CompileError, $"{what}: {candidate.Refusal}: {candidate.Reason}");
        Assert.Matches("nests more than|nests brackets more than|CS8078|constant strings could come to|query has more than|member accesses|inferred type could have", candidate.Reason);
    }

    /// <summary>Lambdas nested in calls with many overloads: binding grows as the product of the overload counts.</summary>
    [Theory]
    [InlineData("Sum inside Sum, eight deep", "", "var z = NEST;", 8)]
    [InlineData("three overloads of its own, twelve deep", "static int M(Func<int, int> f) => 0;\nstatic int M(Func<long, int> f) => 1;\nstatic int M(Func<string, int> f) => 2;", "var z = OWN;", 12)]
    [InlineData("Sum inside Sum through a conditional, eight deep", "", "var z = true ? 0 : NEST;", 8)]
    [InlineData("queries inside queries over twelve overloads of Select, six deep", "class Q\n{\nSELECTS}", "var q = new Q();\n    var z = QUERY;", 6)]
    [InlineData("lambdas as operands of ten overloads of +, eight deep", "class C\n{\nOPERATORS}", "var c = new C();\n    var z = PLUS;", 8)]
    public void LambdasThatWouldBeBoundExponentiallyOften_AreRefused_BeforeCompiling(string what, string declarations, string body, int depth)
    {
        var nest = "0";
        var own = "0";
        for (var level = 0; level < depth; level++)
        {
            nest = $"c[0].Sum(x{level} => (b.Length > 1 ? {nest} : 1))";
            own = $"M(x{level} => {own})";
        }
        var query = "1";
        for (var level = 0; level < depth; level++)
        {
            query = $"(from x{level} in q select {query})";
        }
        var plus = "c";
        for (var level = 0; level < depth; level++)
        {
            plus = $"c + (x{level} => {plus})";
        }
        var operators = string.Concat(new[] { "int", "long", "double", "float", "decimal", "short", "byte", "uint", "ulong", "sbyte" }
            .Select(type => $"    public static C operator +(C c, Func<{type}, C> f) => c;\n"));
        var selects = string.Concat(new[] { "int", "long", "double", "float", "decimal", "short", "byte", "uint", "ulong", "sbyte", "ushort", "int?" }
            .Select(type => $"    public int Select(Func<int, {type}> f) => 1;\n"));
        var text = $"{declarations.Replace("SELECTS", selects).Replace("OPERATORS", operators)}\nint[] Algorithm(int[][] a, int[] b, int[][] c)\n{{\n    {body.Replace("NEST", nest).Replace("OWN", own).Replace("QUERY", query).Replace("PLUS", plus)}\n    return new int[c.Length];\n}}";

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.True(candidate.Refusal == Verdict.CompileError, $"{what}: {candidate.Refusal}: {candidate.Reason}");
        Assert.Contains("would bind its lambdas more than", candidate.Reason, StringComparison.Ordinal);
    }

    /// <summary>Lambdas that each double a type: the error's message would spell it out in gigabytes.</summary>
    [Fact]
    public void AnErrorNamingAnEnormousType_IsDescribed_WithoutSpellingItOut()
    {
        var doubled = string.Concat(Enumerable.Repeat(".Select(x => (x, x))", 17));
        var text = $"int[] Algorithm(int[][] a, int[] b, int[][] c)\n{{\n    int z = b{doubled};\n    return new int[c.Length];\n}}";

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.Equal(Verdict.CompileError, candidate.Refusal);
        Assert.Contains("not spelled out", candidate.Reason, StringComparison.Ordinal);
        Assert.True(candidate.Reason.Length < 200, candidate.Reason.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NumericConstantsOfOneNameInTwoMethods_DefinedThroughEachOther_AreAdmitted()
    {
        var text = """
            static int Left() { const int Size = 8; const int Half = Size / 2; return Half; }
            static int Right() { const int Half = 4; const int Size = Half * 2; return Size; }
            int[] Algorithm(int[][] a, int[] b, int[][] c) => new int[c.Length + Left() - Right() + 4];
            """;

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.True(candidate.IsAdmitted, candidate.Reason);
    }

    [Fact]
    public void OrdinaryLinq_WithLambdasInsideLambdas_IsAdmitted()
    {
        var text = """
            int[] Algorithm(int[][] a, int[] b, int[][] c)
            {
                var d = a[0].Length;
                var triple = Enumerable.Range(0, d).Max(i =>
                    Enumerable.Range(i + 1, d - i - 1).Max(j =>
                        Enumerable.Range(j + 1, d - j - 1).Max(k =>
                            (a.Zip(b).Sum(p => (p.First[i] ^ p.First[j] ^ p.First[k]) == p.Second ? 1 : 0), i, j, k))));
                var weights = Enumerable.Range(0, 10).Select(j => a.Where(row => row[j] == 1).Sum(row => b[Array.IndexOf(a, row)])).ToArray();
                var best = a.GroupBy(row => row.Sum()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
                var total = c.Sum(row => row.Select((v, i) => v * weights[i]).Sum(v => v > 0 ? v : 0));
                return c.Select(row => row.Zip(weights, (x, w) => x * w).Sum() + best.Key + total + triple.i > 0 ? 1 : 0).ToArray();
            }
            """;

        var candidate = new CandidateCompiler().Admit(text, CandidateKind.Solution, Signature);

        Assert.True(candidate.IsAdmitted, candidate.Reason);
    }

    /// <summary>Two derived records at each of 26 levels: the walk takes the largest, and without memory took 2^26 steps.</summary>
    [Fact]
    public void RecordsThatFanOutLevelAfterLevel_AreJudged_InLinearTime()
    {
        var records = string.Concat(Enumerable.Range(0, 26).Select(k => $"record R{k};\nrecord R{k}_0(R{k + 1} F) : R{k};\nrecord R{k}_1(R{k + 1} F) : R{k};\n"));
        var candidate = new CandidateCompiler().Admit(
            records + "record R26;\nint[] Algorithm(int[][] a, int[] b, int[][] c) => new int[c.Length];", CandidateKind.Solution, Signature);

        Assert.Equal(Verdict.PolicyViolation, candidate.Refusal);
        Assert.Contains("through more than 64 parts", candidate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AGenericRecordWhosePartsGrowWithoutEnd_IsJudged_InFiniteTime()
    {
        var candidate = new CandidateCompiler().Admit(
            "record R<T>(R<List<T>>? Next);\nint[] Algorithm(int[][] a, int[] b, int[][] c) => new int[c.Length];", CandidateKind.Solution, Signature);

        Assert.Equal(Verdict.PolicyViolation, candidate.Refusal);
    }

    [Fact]
    public async Task DisposingTheSandbox_WhileAdmissionsWait_AnswersThemAndKeepsTheHost()
    {
        var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        var pending = Enumerable.Range(70_200, 8).Select(i => sandbox.AdmitSolutionAsync(SeedVariants.Get(i), Parity)).ToList();

        await sandbox.DisposeAsync();

        var admitted = await Task.WhenAll(pending);
        Assert.All(admitted, c => Assert.True(c.IsAdmitted, c.Reason));
    }

    [Fact]
    public async Task ACancelledAdmission_IsAnsweredAtOnce_EvenWhileQueued()
    {
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        using var cancel = new CancellationTokenSource();
        var queued = Enumerable.Range(70_300, 40).Select(i => sandbox.AdmitSolutionAsync(SeedVariants.Get(i), Parity, cancel.Token)).ToList();

        await cancel.CancelAsync();
        var outcomes = await Task.WhenAll(queued.Select(async t =>
        {
            try
            {
                return (await t).IsAdmitted ? "admitted" : "refused";
            }
            catch (OperationCanceledException)
            {
                return "cancelled";
            }
        }));

        Assert.Contains("cancelled", outcomes);
        Assert.DoesNotContain("refused", outcomes);
    }

    [Fact]
    public async Task AnAdmissionThatThrows_FailsItsOwnCaller_AndAdmissionGoesOn()
    {
        // A signature with a null parameter type makes entry lookup throw: a stand-in for any bug inside admission.
        var broken = new EntrySignature("Algorithm", [null!, typeof(int[]), typeof(int[][])]);
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });

        await Assert.ThrowsAnyAsync<Exception>(() => sandbox.AdmitAsync(SeedVariants.Get(70_400), CandidateKind.Solution, broken));
        var after = await sandbox.AdmitSolutionAsync(SeedVariants.Get(70_401), Parity);

        Assert.True(after.IsAdmitted, after.Reason);
    }

    [Fact]
    public async Task ConcurrentAdmissions_AreAllAnswered()
    {
        await using var sandbox = new CandidateSandbox(new SandboxOptions { Parallelism = 1 });
        var admitted = await Task.WhenAll(Enumerable.Range(70_100, 24).Select(i => sandbox.AdmitSolutionAsync(SeedVariants.Get(i), Parity)));

        Assert.All(admitted, c => Assert.True(c.IsAdmitted, c.Reason));
        Assert.Equal(24, admitted.Select(c => c.Hash).Distinct().Count());
        var (passes, requests) = sandbox.AdmissionCounts;
        Assert.Equal(24, requests);
        Assert.InRange(passes, 2, 24);
    }
}
