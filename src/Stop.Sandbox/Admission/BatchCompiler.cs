using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Admits several candidates with one compilation and one emit, which costs less than half as much per candidate as a
/// compilation each. A script cannot share a compilation, so each candidate's members are wrapped in a sealed class
/// of the script class's name, in a namespace of its own, inserted on the line where its first member starts, so
/// line numbers stay the candidate's own.
/// <para>
/// The batch only ever admits: a candidate it cannot take as a plain script would be taken (top-level code,
/// directives, a name the wrapper could change the meaning of) or that fails to compile, is refused by the policy
/// or lacks its entry point is handed back, and <see cref="CandidateCompiler.Admit"/> decides it alone, so its
/// verdict and messages are exactly those of the single path. The bytes are emitted again without whatever was
/// handed back, so an assembly holds only admitted code. No candidate can reach another's code: namespaces are
/// reached by name only, and a candidate that spells the batch's namespace prefix is never batched.
/// </para>
/// </summary>
internal static class BatchCompiler
{
    /// <summary>Prefix of every batched candidate's namespace; text that names it is not batched.</summary>
    public const string NamespacePrefix = "StopBatchCandidate";

    private const int MaxRounds = 4;

    private static readonly CSharpParseOptions RegularParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Regular).WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        concurrentBuild: false,
        deterministic: true);

    /// <summary>The script's implicit usings, as global usings for every tree of a batch.</summary>
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        string.Concat(CandidateCompiler.ImplicitUsings.Select(u => $"global using {u};\n")), RegularParseOptions, path: "implicit-usings.cs");

    /// <summary>As <see cref="CandidateCompiler"/>'s empty script compilation: references bound once, kept.</summary>
    private static readonly Lazy<CSharpCompilation> Empty = new(() =>
        CSharpCompilation.Create("candidates", [ImplicitUsings], CompilationReferences.Get(), Options));

    private static readonly SyntaxKind[] InheritanceModifiers =
        [SyntaxKind.VirtualKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.OverrideKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.SealedKeyword, SyntaxKind.NewKeyword];

    /// <summary>A candidate wrapped for a batch.</summary>
    private sealed record Member(int Index, string Code, string Namespace, SyntaxTree Tree, AdmissionRequest Request);

    /// <summary>
    /// Admits what it can of <paramref name="requests"/> together. Returns the admitted candidates by request index;
    /// every other index is for <see cref="CandidateCompiler.Admit"/> to decide alone.
    /// </summary>
    public static Dictionary<int, AdmittedCandidate> AdmitTogether(IReadOnlyList<AdmissionRequest> requests, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        for (var i = 0; i < requests.Count; i++)
        {
            var code = CandidateCompiler.CodeOf(requests[i].Text, cancellationToken);
            if (Wrap(code, $"{NamespacePrefix}{i}", cancellationToken) is { } tree)
            {
                members.Add(new Member(i, code, $"{NamespacePrefix}{i}", Instrumenter.Instrument(tree, meterExpressionLambdas: true), requests[i]));
            }
        }

        for (var round = 0; round < MaxRounds && members.Count >= 2; round++)
        {
            var compilation = Empty.Value.AddSyntaxTrees(members.Select(m => m.Tree));
            var entries = members.ToDictionary(m => m, m => Entry(compilation, m));
            if (Drop(members, m => entries[m] is null))
            {
                continue;
            }

            using var bytes = new MemoryStream();
            var emitted = compilation.Emit(bytes, cancellationToken: cancellationToken);
            if (!emitted.Success)
            {
                var failed = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.SourceTree).ToHashSet();
                // An error the batch cannot pin on one candidate (or none at all): let each be decided alone.
                if (failed.Contains(null) || failed.Contains(ImplicitUsings) || !Drop(members, m => failed.Contains(m.Tree)))
                {
                    return [];
                }
                continue;
            }

            var refused = members.Where(m => !PassesPolicy(compilation, m.Tree, cancellationToken)).ToHashSet();
            if (Drop(members, refused.Contains))
            {
                continue;
            }

            var assembly = bytes.ToArray();
            return members.ToDictionary(
                m => m.Index,
                m => new AdmittedCandidate(CandidateCompiler.HashOf(m.Code), m.Code, m.Request.Kind, null, "admitted", [], [], assembly, entries[m]));
        }
        return [];
    }

    /// <summary>
    /// The candidate wrapped in its namespace and class, parsed as ordinary C#; null when it is not to be batched.
    /// </summary>
    private static SyntaxTree? Wrap(string code, string ns, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var script = CSharpSyntaxTree.ParseText(code, CandidateCompiler.ParseOptions, cancellationToken: cancellationToken);
        var root = script.GetCompilationUnitRoot(cancellationToken);
        if (root.Members.Count == 0
            || CandidateCompiler.HasTopLevelCode(root)
            || root.AttributeLists.Count > 0
            || root.Externs.Count > 0
            || root.GetReferenceDirectives().Count > 0
            || root.GetLoadDirectives().Count > 0
            || root.Members.Any(m => m.Modifiers.Any(t => InheritanceModifiers.Contains(t.Kind())))
            || root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && IsReserved(t.ValueText))
            || script.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }
        var at = root.Members[0].SpanStart;
        var wrapped = $"{code[..at]}namespace {ns} {{ public sealed class {CandidateCompiler.ScriptClassName} {{ {code[at..]}\n}} }}";
        // A path of its own: trees sharing a path make Roslyn check every namespace of every reference for
        // clashing file-local types, which cost more than compiling the batch.
        var tree = CSharpSyntaxTree.ParseText(wrapped, RegularParseOptions, path: $"{ns}.cs", cancellationToken: cancellationToken);
        return tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error) ? null : tree;
    }

    // The script class's name means something else inside the wrapper; the namespace prefix would reach another candidate.
    private static bool IsReserved(string identifier) =>
        identifier == CandidateCompiler.ScriptClassName || identifier.Contains(NamespacePrefix, StringComparison.Ordinal);

    private static EntryPoint? Entry(CSharpCompilation compilation, Member member) =>
        compilation.GetTypeByMetadataName($"{member.Namespace}.{CandidateCompiler.ScriptClassName}") is { } wrapper
            ? CandidateCompiler.FindEntry(wrapper, $"{member.Namespace}.", member.Request.Signature, hasTopLevelCode: false)
            : null;

    private static bool PassesPolicy(CSharpCompilation compilation, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var report = CandidatePolicy.Check(compilation.GetSemanticModel(tree), tree.GetRoot(cancellationToken), cancellationToken);
        // A Random reached by a route only meaning shows is rewritten by the single path.
        return report.Violations.Count == 0 && report.RandomRewrites.Count == 0;
    }

    /// <summary>Removes the members <paramref name="drop"/> picks; true when it removed any.</summary>
    private static bool Drop(List<Member> members, Func<Member, bool> drop) => members.RemoveAll(m => drop(m)) > 0;
}
