using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stop.Guest;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>Compiles candidate text the way admission does (a C# script against the whole BCL and Stop.Guest) and checks it.</summary>
internal static class Candidates
{
    private static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        usings: ["System", "System.Linq", "System.Collections.Generic", "System.Text", "Stop.Guest"],
        allowUnsafe: false,
        optimizationLevel: OptimizationLevel.Release);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. platform.Append(typeof(LanguageModel).Assembly.Location)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path))];
    });

    public static CSharpCompilation Compile(string code) => Compile(CSharpSyntaxTree.ParseText(code, ParseOptions));

    public static CSharpCompilation Compile(SyntaxTree tree) =>
        CSharpCompilation.CreateScriptCompilation("candidate", tree, References.Value, CompilationOptions);

    /// <summary>Checks a candidate that must be valid C#, so that a test cannot pass on a typo.</summary>
    public static PolicyReport Check(string code) => Check(code, compiles: true);

    /// <summary>Checks a candidate the compiler would refuse too (unsafe code, #r), to show the policy refuses it on its own.</summary>
    public static PolicyReport CheckUncompilable(string code) => Check(code, compiles: false);

    public static PolicyReport Check(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        return CandidatePolicy.Check(compilation.GetSemanticModel(tree), tree.GetRoot());
    }

    private static PolicyReport Check(string code, bool compiles)
    {
        var compilation = Compile(code);
        if (compiles)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The candidate does not compile:\n" + string.Join("\n", errors));
        }
        return Check(compilation);
    }
}
