using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stop.Sandbox.Admission;

namespace Stop.Sandbox.Bench;

/// <summary>
/// The yardstick for admission: a plain Roslyn script compile and emit of the uninstrumented source, with the
/// same references and options as <see cref="CandidateCompiler"/> but no policy and no instrumentation.
/// </summary>
internal static class BareEmit
{
    // Mirrors CandidateCompiler's options; kept here so the bench measures admission without changing it.
    internal static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    internal static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        scriptClassName: CandidateCompiler.ScriptClassName,
        usings: CandidateCompiler.ImplicitUsings,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        concurrentBuild: false,
        deterministic: true);

    /// <summary>Compiles and emits <paramref name="code"/>; returns the assembly's size in bytes.</summary>
    public static int Emit(string code)
    {
        var hash = CandidateCompiler.HashOf(code);
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        var compilation = CSharpCompilation.CreateScriptCompilation("candidate-" + hash[..16], tree, CompilationReferences.Get(), CompilationOptions);
        using var bytes = new MemoryStream();
        var emitted = compilation.Emit(bytes);
        return emitted.Success ? (int)bytes.Length : throw new InvalidOperationException("A bench candidate did not compile.");
    }
}
