using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Stop.Guest;
using Stop.Sandbox.Admission;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Bench;

/// <summary>
/// Admission taken apart for <c>stop bench --verbose</c>: the steps <see cref="CandidateCompiler.Admit"/> takes
/// for an admitted candidate, each timed, so a reader sees which one to make faster.
/// </summary>
internal static class AdmissionPhases
{
    public static readonly string[] Names = ["extract+parse", "instrument", "compile+emit", "policy"];

    /// <summary>Milliseconds per phase, in the order of <see cref="Names"/>.</summary>
    public static double[] Measure(string text)
    {
        var times = new double[Names.Length];
        var clock = Stopwatch.StartNew();
        var tree = CSharpSyntaxTree.ParseText(CodeBlocks.CodeOf(text), BareEmit.ParseOptions);
        times[0] = Lap(clock);
        var instrumented = Instrumenter.Instrument(tree, meterExpressionLambdas: true);
        times[1] = Lap(clock);
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "candidate-" + CandidateCompiler.HashOf(text)[..16], instrumented, CompilationReferences.Get(), BareEmit.CompilationOptions);
        using var bytes = new MemoryStream();
        _ = compilation.Emit(bytes);
        times[2] = Lap(clock);
        var root = compilation.SyntaxTrees[0].GetRoot();
        _ = CandidatePolicy.Check(compilation.GetSemanticModel(compilation.SyntaxTrees[0]), root);
        times[3] = Lap(clock);
        return times;
    }

    private static double Lap(Stopwatch clock)
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
