using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Admission.Policy;
using Stop.Tasks;
using Stop.Tests.Shared;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>
/// Quick clearance admits a batch without the semantic walk when the text names nothing refused and the compiled
/// assembly references nothing refused. It must never clear what the walk refuses, apart from names the compiled
/// program keeps no reference to, and it must clear ordinary code, or it would be a slower walk.
/// </summary>
public sealed class QuickClearanceTests
{
    private static readonly EntrySignature ParitySignature = EntrySignature.Solution(TaskCatalog.Get("parity_noise").ParameterTypes);

    /// <summary>Refused capabilities reached by routes beyond the plain name, each in a form a batch would take.</summary>
    public static TheoryData<string> Routes { get; } = new()
    {
        "using F = System.IO.File;\nstring Run() => F.ReadAllText(\"x\");",
        "using static System.IO.File;\nstring Run() => ReadAllText(\"x\");",
        "string Run() => global::System.IO.File.ReadAllText(\"x\");",
        "object Run() { var t = \"x\".GetType(); return t; }",
        "Func<Type> Run() => \"x\".GetType;",
        "Func<string, string> Run() => System.IO.File.ReadAllText;",
        "int Run() => new[] { 1, 2 }.AsParallel().Sum();",
        "object Run() => new List<System.Threading.Thread>();",
        "int Run() => System.Threading.Timeout.Infinite;",
        "int Run() => (int)System.IO.FileMode.Open;",
        "int Run() { Random r = new(); return r.Next(); }",
        "class Mine : Random { }\nint Run() => new Mine().Next();",
        "T Make<T>() where T : new() => new T();\nRandom Run() => Make<Random>();",
        "string Run() { System.Runtime.CompilerServices.DefaultInterpolatedStringHandler h = new(1, 0); h.AppendLiteral(\"x\"); return h.ToStringAndClear(); }",
        "object Run() => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(\"\".GetType());",
        "int Run() { var l = new List<int>(); return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(l).Length; }",
        "void Run() => global::Stop.Guest.Runtime.Meter.Reset(long.MaxValue, 1000);",
        "void Run() => Stop.Guest.Runtime.Meter.Tick();",
        "int Run() => Environment.CurrentManagedThreadId;",
        "int Run() => Environment.ProcessorCount;",
        "string Run() => Console.ReadLine() ?? \"\";",
        "object Run() { dynamic d = 1; return d; }",
        "IEnumerable<int> Run() { yield return System.IO.File.ReadAllText(\"x\").Length; }",
        "int Run() { var n = 0; foreach (var p in System.Diagnostics.Process.GetProcesses()) n++; return n; }",
        "int Run() => (from p in System.Diagnostics.Process.GetProcesses() select p.Id).Sum();",
        "Action Run() => () => Console.Out.Close();",
        "object Run() { Func<int> f = () => 1; return f.Method; }",
        "object Run() => AppDomain.CurrentDomain;",
        "int Run() => System.Threading.Interlocked.Increment(ref counter);\nint counter;",
        "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();\nint Run() => getpid();",
    };

    [Theory]
    [MemberData(nameof(HostileCandidateTests.Corpus), MemberType = typeof(HostileCandidateTests))]
    public void NothingTheWalkRefuses_IsCleared(string candidate, PolicyCategory category, string symbol, int line)
    {
        _ = (category, symbol, line);
        AssertNotCleared(candidate);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void NoRouteTheWalkRefuses_IsCleared(string candidate) => AssertNotCleared(candidate);

    [Theory]
    [MemberData(nameof(Routes))]
    public void Admission_RefusesEveryRoute_InABatchableForm(string candidate)
    {
        var admitted = new CandidateCompiler().AdmitMany([new AdmissionRequest(candidate, CandidateKind.Solution, ParitySignature)]).Single();

        Assert.False(admitted.IsAdmitted, $"admitted:\n{candidate}");
    }

    [Fact]
    public void RecordedCandidates_TheWalkRefuses_AreNotCleared_AndTheRestMostlyAre()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRuns.Root, "runs"), "*.csx", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var cleared = 0;
        foreach (var file in files)
        {
            var (walkAdmits, clears) = Judge(CandidateCompiler.CodeOf(File.ReadAllText(file)));
            Assert.True(walkAdmits || !clears, $"{file} is cleared but the walk refuses it");
            cleared += clears ? 1 : 0;
        }
        // Every recorded candidate is model-written C#: most of it must take the quick way, or clearance is dead weight.
        Assert.True(cleared * 2 > files.Length, $"only {cleared} of {files.Length} recorded candidates were cleared");
    }

    public static TheoryData<string> Ordinary { get; } = new()
    {
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => testSamples.Select(_ => Random.Shared.Next(2)).ToArray();",
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var grid = new int[2, 2];\n    grid[1, 1] = trainParity[0];\n    return testSamples.Select(_ => grid[1, 1]).ToArray();\n}",
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var rng = new Random();\n    return testSamples.Select(_ => rng.Next(2)).ToArray();\n}",
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var (a, b) = (1, 2);\n    List<int> l = [a, b];\n    var s = $\"{a} and {b}\";\n    Console.WriteLine(s);\n    return testSamples.Select(row => row.Sum() % 2 == 0 ? 0 : 1).ToArray();\n}",
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => testSamples.Select(Guess).ToArray();\nint Guess(int[] row) => row.Length switch { 0 => 0, > 3 => 1, _ => row[^1] };",
        "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    int Count(params int[] xs) => xs.Length;\n    var counts = new Dictionary<string, int> { [\"a\"] = Count(1, 2) };\n    return new int[testSamples.Length];\n}",
        "class Model\n{\n    public int Bias { get; set; }\n    public (int Zero, int One) Votes { get; init; }\n}\nint[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var model = new Model { Bias = trainParity.Sum() > trainParity.Length / 2 ? 1 : 0 };\n    var copy = trainParity[1..3];\n    return testSamples.Select(_ => model.Bias).ToArray();\n}",
    };

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void OrdinaryCode_IsCleared(string candidate)
    {
        var admitted = new CandidateCompiler().AdmitMany([new AdmissionRequest(candidate, CandidateKind.Solution, ParitySignature)]).Single();

        Assert.True(admitted.IsAdmitted, admitted.Reason);
        Assert.Null(QuickClearance.FirstRefusedText(CSharpSyntaxTree.ParseText(candidate, CandidateCompiler.ParseOptions).GetRoot()));
        Assert.Null(QuickClearance.FirstRefusedReference(admitted.Assembly!));
    }

    /// <summary>How far the compiler's Equals and ToString of an anonymous type walk depends on its members' types: the walk's to judge.</summary>
    [Fact]
    public void AnAnonymousType_IsLeftToTheWalk_WhichAdmitsAnOrdinaryOne()
    {
        const string Candidate = "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var votes = trainParity.Select((p, i) => new { Index = i, Value = p }).Distinct().ToList();\n    var pairs = testSamples.Select((row, i) => new { Row = row, Index = i }).ToList();\n    return pairs.Select(p => votes.Count > p.Index ? votes[p.Index].Value : 0).ToArray();\n}";

        var admitted = new CandidateCompiler().AdmitMany([new AdmissionRequest(Candidate, CandidateKind.Solution, ParitySignature)]).Single();

        Assert.True(admitted.IsAdmitted, admitted.Reason);
        Assert.Equal("an anonymous type", QuickClearance.FirstRefusedText(CSharpSyntaxTree.ParseText(Candidate, CandidateCompiler.ParseOptions).GetRoot()));
    }

    [Fact]
    public void EverySeed_IsCleared()
    {
        foreach (var task in TaskCatalog.All)
        {
            var judged = BatchCompiler.JudgeAlone(task.SeedSolution);
            Assert.True(judged is { Clears: true }, $"{task.Name}'s seed is not cleared: {judged?.Refused}");
        }
        Assert.True(Judge(File.ReadAllText(Path.Combine(RepositoryRuns.Root, "seeds", "seed_improver.csx"))).Clears);
    }

    /// <summary>Names the compiled program keeps no reference to: cleared, though the walk refuses them; none of them runs.</summary>
    public static TheoryData<string> LeftOutByTheCompiler { get; } = new()
    {
        // Unreachable code.
        "void Run()\n{\n    if (false) { Console.ReadLine(); }\n}",
        // A call of a [Conditional] method, arguments and all.
        "void Run() => System.Diagnostics.Trace.WriteLine(Environment.GetEnvironmentVariable(\"HOME\"));",
        // A refused type as the type of a null nobody reads.
        "void Run()\n{\n    System.IO.FileInfo f = null;\n}",
        // A refused override, called through the allowed member it overrides.
        "string Run() => System.Globalization.CultureInfo.InvariantCulture.ToString();",
    };

    [Theory]
    [MemberData(nameof(LeftOutByTheCompiler))]
    public void WhatTheCompilerLeavesOut_IsCleared_ThoughTheWalkRefusesIt(string candidate)
    {
        var judged = BatchCompiler.JudgeAlone(candidate);

        Assert.False(judged!.Value.WalkAdmits);
        Assert.True(judged.Value.Clears, judged.Value.Refused);
    }

    private static void AssertNotCleared(string candidate)
    {
        var (walkAdmits, clears) = Judge(candidate);
        Assert.False(walkAdmits, $"the walk admits:\n{candidate}");
        Assert.False(clears, $"cleared:\n{candidate}");
    }

    /// <summary>
    /// What the walk says of a candidate compiled as a batch would compile it, and whether clearance clears it. Top-level
    /// statements, which a batch does not take, are moved into a method first.
    /// </summary>
    private static (bool WalkAdmits, bool Clears) Judge(string code) =>
        BatchCompiler.JudgeAlone(Batchable(code)) is { } judged ? (judged.WalkAdmits, judged.Clears) : (false, false);

    private static string Batchable(string code)
    {
        var lines = code.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var rest = string.Join('\n', lines.Skip(usings.Count));
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(rest, CandidateCompiler.ParseOptions).GetRoot();
        return root.Members.Any(m => m is GlobalStatementSyntax)
            ? string.Join('\n', usings.Append("void Run()\n{\n" + rest + "\n}"))
            : code;
    }
}
