using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>The policy's entry point: messages, ordering, guards and the instrumentation exemption.</summary>
public sealed class CandidatePolicyTests
{
    private static readonly ParseOptions ScriptOptions = Candidates.Compile("").SyntaxTrees[0].Options;

    [Fact]
    public void Violation_Message_NamesTheLineTheSymbolAndTheReason()
    {
        var report = Candidates.Check("""
            using System.IO;
            var ok = 1;
            var s = File.ReadAllText("x");
            """);

        Assert.Equal("line 3: System.IO.File.ReadAllText is refused (files)", report.Violations.Single(v => v.Symbol.EndsWith("ReadAllText", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void Check_ListsViolationsInLineOrder_OncePerSymbolAndLine()
    {
        var report = Candidates.Check("""
            var a = DateTime.Now; var b = DateTime.Now;
            GC.Collect();
            var c = Environment.TickCount;
            """);

        Assert.Equal(
            ["line 1: System.DateTime.Now is refused (clock)", "line 2: System.GC.Collect is refused (garbage collector)", "line 3: System.Environment.TickCount is refused (clock)"],
            report.Violations.Select(v => v.Message));
    }

    [Fact]
    public void Check_Throws_WhenTheRootIsNotInTheModelsTree()
    {
        var compilation = Candidates.Compile("var x = 1;");
        var other = SyntaxFactory.ParseSyntaxTree("var y = 2;", ScriptOptions);

        Assert.Throws<ArgumentException>(() => CandidatePolicy.Check(compilation.GetSemanticModel(compilation.SyntaxTrees[0]), other.GetRoot()));
    }

    [Fact]
    public void Check_DoesNotJudgeNodesThatInstrumentationMarked()
    {
        var tree = SyntaxFactory.ParseSyntaxTree("var x = 1;", ScriptOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var meter = CandidatePolicy.MarkInstrumented(SyntaxFactory.ParseStatement("global::Stop.Guest.Runtime.Meter.Tick();"));
        var instrumented = root.InsertNodesBefore(root.Members[0], [SyntaxFactory.GlobalStatement(meter)]);

        var report = Candidates.Check(Candidates.Compile(tree.WithRootAndOptions(instrumented, ScriptOptions)));

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_StillJudgesTheUnmarkedNodesUnderAMarkedNode()
    {
        var tree = SyntaxFactory.ParseSyntaxTree("var n = System.IO.File.ReadAllText(\"x\").Length;", ScriptOptions);
        var root = tree.GetRoot();
        var read = root.DescendantNodes().OfType<InvocationExpressionSyntax>().Single();
        var wrapper = SyntaxFactory.ParseExpression("global::Stop.Guest.Runtime.Meter.Counted(\"x\")")
            .WithAdditionalAnnotations(new SyntaxAnnotation(CandidatePolicy.InstrumentationAnnotationKind));
        var instrumented = root.ReplaceNode(read, wrapper);

        var report = Candidates.Check(Candidates.Compile(tree.WithRootAndOptions(instrumented, ScriptOptions)));

        // Only the annotated invocation is exempt; the names under it, which were not marked, are judged.
        PolicyAssert.Refused(report, PolicyCategory.Instrumentation, "Stop.Guest.Runtime.Meter.Counted", 1);
    }
}
