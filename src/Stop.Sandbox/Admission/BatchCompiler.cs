using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Admits candidates as ordinary C# rather than as scripts, several in one compilation and one emit, which costs
/// less than half as much per candidate as a script compilation each. Each candidate's members are wrapped in a
/// sealed class of the script class's name, in a namespace named after its hash, inserted on the line where its
/// first member starts, so line numbers stay the candidate's own.
/// <para>
/// Whether a candidate is wrapped depends on its text alone, never on its company: a candidate the wrapper could
/// change the meaning of (top-level code, directives, inheritance modifiers on top-level members, a name the wrapper
/// uses, anonymous types, which the compiler names by their order in the assembly) is not wrapped, and one that fails to compile, is refused by the policy or lacks its entry point wrapped is
/// left to <see cref="CandidateCompiler"/>'s script path, which also writes every refusal's messages. So a candidate
/// runs as the same code under the same names (its own types' names and stack traces say
/// <c>StopCandidate_&lt;hash&gt;.Candidate</c>) however and with whatever it is admitted. An assembly holds only admitted code:
/// it is emitted again without whatever was left out. No candidate can reach another's code: namespaces are reached
/// by name only, and a candidate that spells the namespace prefix is never wrapped.
/// </para>
/// </summary>
internal static class BatchCompiler
{
    /// <summary>
    /// The most characters of strings a candidate compiled in a batch may hold (UTF-16, two bytes each), and the most
    /// members compiled together: together, well under the 16 MB of strings an assembly can hold.
    /// </summary>
    private const long MaxBatchedStringChars = 256 * 1024;

    /// <inheritdoc cref="MaxBatchedStringChars"/>
    private const int MaxMembers = 16;

    /// <summary>Prefix of every wrapped candidate's namespace; text that names it is not wrapped.</summary>
    public const string NamespacePrefix = "StopCandidate_";

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

    // On a top-level method or field these mean something else in the sealed wrapper than in the script class.
    private static readonly SyntaxKind[] InheritanceModifiers =
        [SyntaxKind.VirtualKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.OverrideKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.SealedKeyword, SyntaxKind.NewKeyword];

    /// <summary>A candidate wrapped for a batch; <paramref name="PlainText"/> when its text names nothing refused.</summary>
    private sealed record Member(string Hash, string Code, SyntaxTree Tree, AdmissionRequest Request, bool PlainText)
    {
        public string Namespace => NamespaceOf(Hash);
    }

    private static string NamespaceOf(string hash) => NamespacePrefix + hash[..16];

    /// <summary>
    /// Admits, wrapped and together, what can be of <paramref name="requests"/>. Returns the admitted candidates by
    /// request index; every other index is for the script path to decide.
    /// </summary>
    public static Dictionary<int, AdmittedCandidate> AdmitTogether(IReadOnlyList<AdmissionRequest> requests, CancellationToken cancellationToken)
    {
        var admitted = new Dictionary<int, AdmittedCandidate>();
        var pending = Enumerable.Range(0, requests.Count).ToList();
        while (pending.Count > 0)
        {
            pending = AdmitRound(requests, pending, admitted, cancellationToken);
        }
        return admitted;
    }

    /// <summary>
    /// Admits together what it can of <paramref name="pending"/>, into <paramref name="admitted"/>; returns the requests
    /// left for another round: a text already in this round as another kind or signature, since a namespace is named
    /// after the text's hash and two members cannot share one. (Sent to the script path instead, it would run under
    /// other names than it does alone.)
    /// </summary>
    private static List<int> AdmitRound(IReadOnlyList<AdmissionRequest> requests, List<int> pending, Dictionary<int, AdmittedCandidate> admitted, CancellationToken cancellationToken)
    {
        // The same request twice is one member.
        var members = new Dictionary<(string Hash, CandidateKind Kind, EntrySignature Signature), (Member Member, List<int> Indices)>();
        var later = new List<int>();
        foreach (var i in pending)
        {
            var code = CandidateCompiler.CodeOf(requests[i].Text, cancellationToken);
            var hash = CandidateCompiler.HashOf(code);
            var key = (hash, requests[i].Kind, requests[i].Signature);
            if (members.TryGetValue(key, out var known))
            {
                known.Indices.Add(i);
            }
            else if (members.Count == MaxMembers || members.Keys.Any(k => k.Hash == hash))
            {
                later.Add(i);
            }
            else if (Wrap(code, NamespaceOf(hash), cancellationToken) is { } tree)
            {
                var plain = QuickClearance.TextIsPlain(tree.GetRoot(cancellationToken));
                members[key] = (new Member(hash, code, Instrumenter.Instrument(tree, meterExpressionLambdas: true), requests[i], plain), [i]);
            }
        }

        var byMember = new Dictionary<Member, AdmittedCandidate>();
        var (together, unsettled) = Compile([.. members.Values.Select(m => m.Member)], cancellationToken);
        foreach (var (member, candidate) in together)
        {
            byMember[member] = candidate;
        }
        // A failure the batch could not pin on one member: each is tried alone, as it would be on its own.
        foreach (var member in unsettled)
        {
            foreach (var (alone, candidate) in Compile([member], cancellationToken).Admitted)
            {
                byMember[alone] = candidate;
            }
        }
        foreach (var (member, indices) in members.Values.Where(m => byMember.ContainsKey(m.Member)))
        {
            foreach (var i in indices)
            {
                admitted[i] = byMember[member];
            }
        }
        return later;
    }

    /// <summary>
    /// Compiles the members together, leaving out each that fails on its own account, until the rest compile and pass.
    /// </summary>
    private static (Dictionary<Member, AdmittedCandidate> Admitted, List<Member> Unsettled) Compile(List<Member> members, CancellationToken cancellationToken)
    {
        while (members.Count > 0)
        {
            var compilation = Empty.Value.AddSyntaxTrees(members.Select(m => m.Tree));
            var entries = members.ToDictionary(m => m, m => Entry(compilation, m));
            if (Drop(members, m => entries[m] is null))
            {
                continue;
            }

            var (errors, assembly) = CandidateCompiler.Emit(compilation, cancellationToken);
            if (assembly is null)
            {
                var failed = errors.Select(d => d.Location.SourceTree).ToHashSet();
                if (failed.Contains(null) || failed.Contains(ImplicitUsings) || !Drop(members, m => failed.Contains(m.Tree)))
                {
                    return ([], members.Count > 1 ? members : []);
                }
                continue;
            }

            // A batch whose compiled references are all allowed clears its plain members without the walk. The walk
            // decides the rest; a plain member it refuses is still cleared if its own assembly references nothing
            // refused, so that clearance depends on the candidate alone, not on the batch it came in.
            var referencesAllowed = QuickClearance.ReferencesAreAllowed(assembly);
            var refused = members
                .Where(m => !(m.PlainText && referencesAllowed)
                    && !PassesPolicy(compilation, m.Tree, cancellationToken)
                    && !(m.PlainText && ClearedAlone(m, cancellationToken)))
                .ToHashSet();
            if (Drop(members, refused.Contains))
            {
                continue;
            }
            if (members.Count > 1 && DefinesNumberedTypes(assembly))
            {
                // Some member made the compiler write a type it numbers across the assembly (a method group with a
                // default or params parameter, a lambda taking a Span): that member's names would depend on its company.
                // Which member it was does not matter; each is compiled alone, as it would be on its own.
                return ([], members);
            }

            return (members.ToDictionary(
                m => m,
                m => new AdmittedCandidate(m.Hash, m.Code, m.Request.Kind, null, "admitted", [], [], assembly, entries[m])), []);
        }
        return ([], []);
    }

    /// <summary>
    /// Whether the assembly holds anonymous types or anonymous delegate types of the compiler's making
    /// (<c>&lt;&gt;f__AnonymousType0</c>, <c>&lt;&gt;f__AnonymousDelegate0</c>): the only types it numbers across an
    /// assembly rather than within a candidate's own class, or names after their content.
    /// </summary>
    private static bool DefinesNumberedTypes(byte[] assembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Any(handle =>
            metadata.GetString(metadata.GetTypeDefinition(handle).Name).StartsWith("<>f__Anonymous", StringComparison.Ordinal));
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
            // A global using would reach every other tree of the batch.
            || root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
            || root.Externs.Count > 0
            || root.GetReferenceDirectives().Count > 0
            || root.GetLoadDirectives().Count > 0
            || root.Members.Any(m => m is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) && m.Modifiers.Any(t => InheritanceModifiers.Contains(t.Kind())))
            || root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && IsReserved(t.ValueText))
            // An assembly holds at most 16 MB of string literals: sixteen members of this many characters stay under it,
            // so that no member is dropped from a batch for its company's strings.
            || ConstantStrings.MoreThan(root, MaxBatchedStringChars)
            // The compiler numbers anonymous types and anonymous delegate types across an assembly, so their names
            // (which ToString shows) would depend on the batch. The commonest makers are not wrapped; whatever else makes
            // one is caught in the assembly (DefinesNumberedTypes).
            || root.DescendantNodes().Any(n => n is AnonymousObjectCreationExpressionSyntax
                || n is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: var parameters } && parameters.Any(p => p.Modifiers.Count > 0 || p.Default is not null))
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

    /// <summary>
    /// For tests: a candidate compiled alone as a batch would compile it, with what the walk says of it and whether quick
    /// clearance clears it; null when it would not be batched or does not compile.
    /// </summary>
    internal static (bool WalkAdmits, bool Clears, string? Refused)? JudgeAlone(string code, CancellationToken cancellationToken = default)
    {
        if (Wrap(code, NamespaceOf(CandidateCompiler.HashOf(code)), cancellationToken) is not { } tree)
        {
            return null;
        }
        var instrumented = Instrumenter.Instrument(tree, meterExpressionLambdas: true);
        var compilation = Empty.Value.AddSyntaxTrees(instrumented);
        if (CandidateCompiler.Emit(compilation, cancellationToken).Assembly is not { } assembly)
        {
            return null;
        }
        var refused = QuickClearance.FirstRefusedText(tree.GetRoot(cancellationToken)) ?? QuickClearance.FirstRefusedReference(assembly);
        return (PassesPolicy(compilation, instrumented, cancellationToken), refused is null, refused);
    }

    private static bool ClearedAlone(Member member, CancellationToken cancellationToken) =>
        CandidateCompiler.Emit(Empty.Value.AddSyntaxTrees(member.Tree), cancellationToken).Assembly is { } alone
        && QuickClearance.ReferencesAreAllowed(alone);

    /// <summary>Removes the members <paramref name="drop"/> picks; true when it removed any.</summary>
    private static bool Drop(List<Member> members, Func<Member, bool> drop) => members.RemoveAll(m => drop(m)) > 0;
}
