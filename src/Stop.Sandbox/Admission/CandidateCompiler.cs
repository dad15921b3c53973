using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Guest;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Admission: text → code → instrumented syntax → one Roslyn script compilation, emitted → policy check →
/// bytes. Emitting first reports the compile errors in the same pass that produces the bytes (a separate
/// diagnostics pass would bind every method body twice); the bytes are released only when the policy admits
/// the candidate. Nothing of the candidate is loaded or run here; the bytes go to a worker process.
/// </summary>
public sealed class CandidateCompiler
{
    /// <summary>Namespaces every candidate has without a <c>using</c> directive.</summary>
    public static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Linq", "System.Collections.Generic", "System.Text", "Stop.Guest"];

    private const int MaxDiagnostics = 20;

    internal static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        scriptClassName: ScriptClassName,
        usings: ImplicitUsings,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        concurrentBuild: false,
        deterministic: true);

    /// <summary>The type that holds a script's top-level members.</summary>
    public const string ScriptClassName = "Candidate";

    /// <summary>Admits a candidate from model text: its largest fenced code block, or the whole text when it has none.</summary>
    public AdmittedCandidate Admit(string text, CandidateKind kind, EntrySignature signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        return AdmitMany([new AdmissionRequest(text, kind, signature)], cancellationToken)[0];
    }

    /// <summary>
    /// Admits several candidates: those that can be, as ordinary C# in one compilation (see <see cref="BatchCompiler"/>),
    /// the others each as a script. Which way a candidate goes depends on its text alone, so every result is the one
    /// <see cref="Admit"/> gives it.
    /// </summary>
    public IReadOnlyList<AdmittedCandidate> AdmitMany(IReadOnlyList<AdmissionRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        requests = [.. requests.Select(r => r with { Text = AsUtf8(r.Text) })];
        var results = new AdmittedCandidate?[requests.Count];
        var rest = new List<(int Index, AdmissionRequest Request)>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (TooLong(requests[i]) is { } tooLong)
            {
                results[i] = tooLong;
            }
            else if (NestsTooDeep(requests[i].Text))
            {
                // Refused before any parser sees it: Roslyn recurses over nesting, and the host's stack is finite.
                results[i] = NotCompiled(requests[i].Text, requests[i].Kind, $"the text nests brackets more than {MaxNesting} deep");
            }
            else if (CompileCost.TooHeavy(requests[i].Text, cancellationToken) is ({ } code, { } reason))
            {
                // Refused before any compilation, which would cost the host more than a candidate may ask of it.
                results[i] = NotCompiled(code, requests[i].Kind, reason);
            }
            else
            {
                rest.Add((i, requests[i]));
            }
        }
        Dictionary<int, AdmittedCandidate> wrapped;
        var slow = false;
        using (var backstop = NewBackstop(cancellationToken))
        {
            try
            {
                wrapped = BatchCompiler.AdmitTogether([.. rest.Select(r => r.Request)], backstop.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One of them is slow to compile: each goes alone, and only that one meets the backstop again.
                wrapped = [];
                slow = rest.Count == 1;
            }
        }
        for (var j = 0; j < rest.Count; j++)
        {
            var (index, request) = rest[j];
            results[index] = wrapped.TryGetValue(j, out var admitted) ? admitted
                : slow ? TooSlow(request, Backstop)
                : AdmitAlone(request, cancellationToken);
        }
        return [.. results.Select(r => Bounded(r!))];
    }

    /// <summary>
    /// The longest text admission takes, in UTF-16 characters: some thirty times the longest answer a model gives, and
    /// short enough that a batch of texts crosses to an admission process in one frame.
    /// </summary>
    public const int MaxTextChars = 2_000_000;

    /// <summary>The longest message (a reason, a diagnostic, a refused symbol) admission gives.</summary>
    public const int MaxMessageChars = 2_000;

    /// <summary>
    /// The refusal of a text longer than <see cref="MaxTextChars"/>, or null. Its code is the text's beginning, and its
    /// hash the whole text's, so that two such texts are never taken for one.
    /// </summary>
    internal static AdmittedCandidate? TooLong(AdmissionRequest request)
    {
        if (request.Text.Length <= MaxTextChars)
        {
            return null;
        }
        var reason = $"the text is {request.Text.Length:N0} characters long, more than the {MaxTextChars:N0} admission takes";
        return new AdmittedCandidate(HashOf(AsUtf8(request.Text)), AsUtf8(request.Text[..MaxTextChars]), request.Kind,
            Verdict.CompileError, reason, [reason], [], null, null);
    }

    /// <summary>
    /// The candidate with every message cut to <see cref="MaxMessageChars"/> and as its UTF-8 says: the compiler spells
    /// types out in full (a short text can make an error message of millions of characters), and a message can hold a
    /// lone surrogate that the candidate wrote as an escape.
    /// </summary>
    private static AdmittedCandidate Bounded(AdmittedCandidate candidate)
    {
        static string Cut(string message) => AsUtf8(message.Length <= MaxMessageChars ? message : message[..MaxMessageChars] + " …");
        return candidate with
        {
            Reason = Cut(candidate.Reason),
            Diagnostics = [.. candidate.Diagnostics.Select(Cut)],
            Violations = [.. candidate.Violations.Select(v => v with { Symbol = Cut(v.Symbol), Reason = Cut(v.Reason) })],
        };
    }

    /// <summary>
    /// How long admission may compile one candidate by default. Real code compiles in well under a second; text can be
    /// written that costs Roslyn exponential time (lambdas nested in overloaded calls), and admission must not spend it.
    /// A candidate refused by this backstop is the one verdict of admission that a clock decides; its reason says so.
    /// </summary>
    public static TimeSpan DefaultBackstop { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long this compiler may compile one candidate, through Roslyn's cancellation. Some of Roslyn's work never
    /// looks at its cancellation token; only an admission process of its own (<see cref="AdmissionProcess"/>),
    /// killed when it overruns, bounds that.
    /// </summary>
    public TimeSpan Backstop { get; }

    /// <param name="backstop">How long one candidate may compile; <see cref="DefaultBackstop"/> by default.</param>
    public CandidateCompiler(TimeSpan? backstop = null)
    {
        Backstop = backstop ?? DefaultBackstop;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Backstop, TimeSpan.Zero, nameof(backstop));
    }

    private CancellationTokenSource NewBackstop(CancellationToken cancellationToken)
    {
        var backstop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        backstop.CancelAfter(Backstop);
        return backstop;
    }

    private AdmittedCandidate AdmitAlone(AdmissionRequest request, CancellationToken cancellationToken)
    {
        using var backstop = NewBackstop(cancellationToken);
        try
        {
            return AdmitScript(request.Text, request.Kind, request.Signature, backstop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TooSlow(request, Backstop);
        }
    }

    /// <summary>
    /// A candidate refused because compiling it outlasted <paramref name="backstop"/>. Its code is its text whole:
    /// finding the code in a text can mean parsing it, and parsing may be what took so long.
    /// </summary>
    internal static AdmittedCandidate TooSlow(AdmissionRequest request, TimeSpan backstop) =>
        NotCompiled(AsUtf8(request.Text), request.Kind,
            $"compiling it took more than {backstop.TotalSeconds:0.#} s (the admission backstop, a wall clock)", DecidedBy.WallClockBackstop);

    /// <summary>
    /// The text as its UTF-8 bytes say it: a lone surrogate becomes U+FFFD, as it does in a candidate's hash, in a
    /// run's records and on an admission process's channel, so that the code compiled is the code recorded.
    /// </summary>
    internal static string AsUtf8(string text) =>
        text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0 ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>A candidate refused before (or instead of) compiling, a compile error with one reason.</summary>
    internal static AdmittedCandidate NotCompiled(string code, CandidateKind kind, string reason, DecidedBy decidedBy = DecidedBy.Counted) =>
        new(HashOf(code), code, kind, Verdict.CompileError, reason, [reason], [], null, null, decidedBy);

    /// <summary>The deepest bracket nesting admission accepts; real code stays far below it.</summary>
    public const int MaxNesting = 256;

    /// <summary>
    /// Whether <paramref name="text"/> nests brackets deeper than <see cref="MaxNesting"/>: text no Roslyn parser in the
    /// host may see, since the parser recurses over nesting and the host's stack is finite.
    /// </summary>
    public static bool NestsTooDeep(string text) => NestingDepth(text) > MaxNesting;

    /// <summary>
    /// How deep brackets of any kind nest in <paramref name="text"/>, strings and comments included (so never less than
    /// the code's). Angle brackets count too, as type arguments: an opening one may also be a comparison that nothing
    /// closes, so those open within a statement or a pair of brackets are forgotten at its end.
    /// </summary>
    private static int NestingDepth(string text)
    {
        int depth = 0, angles = 0, deepest = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    angles = c == '(' ? angles : 0;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(depth - 1, 0);
                    angles = 0;
                    break;
                case '<':
                    angles++;
                    break;
                case '>':
                    angles = Math.Max(angles - 1, 0);
                    break;
                case ';':
                    angles = 0;
                    break;
            }
            deepest = Math.Max(deepest, depth + angles);
        }
        return deepest;
    }

    /// <summary>The script path: a candidate compiled alone as a script; it also writes every refusal.</summary>
    private AdmittedCandidate AdmitScript(string text, CandidateKind kind, EntrySignature signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        var code = CodeOf(text, cancellationToken);
        var hash = HashOf(code);
        var refused = (Verdict verdict, string reason, IReadOnlyList<string> diagnostics, IReadOnlyList<PolicyViolation> violations) =>
            new AdmittedCandidate(hash, code, kind, verdict, reason, diagnostics, violations, null, null,
                diagnostics.Any(d => d.Contains(RanOutOfMemoryId, StringComparison.Ordinal)) ? DecidedBy.MemoryCap : DecidedBy.Counted);

        if (string.IsNullOrWhiteSpace(code))
        {
            return refused(Verdict.CompileError, "the text holds no code", [], []);
        }

        var original = CSharpSyntaxTree.ParseText(code, ParseOptions, cancellationToken: cancellationToken);
        var attempt = Compile(Instrumenter.Instrument(original, meterExpressionLambdas: true), cancellationToken);
        if (attempt.Errors.Length > 0 && Instrumenter.HasExpressionLambda(original.GetRoot(cancellationToken)))
        {
            // Metering guessed that every expression lambda returns its body's value; the candidate as written says
            // which return nothing (Action<T>, List<T>.ForEach), and those are metered as statements.
            var asWritten = Empty.Value.AddSyntaxTrees(original).GetSemanticModel(original);
            var voidLambdas = Instrumenter.VoidLambdas(asWritten, original.GetRoot(cancellationToken));
            if (voidLambdas.Count > 0)
            {
                attempt = Compile(Instrumenter.Instrument(original, meterExpressionLambdas: true, voidLambdas), cancellationToken);
            }
        }
        if (attempt.Errors.Length > 0 && attempt.Errors.Any(Instrumenter.Caused))
        {
            // Still refused where metering wrote: the errors a model learns from must be about its own code.
            attempt = Compile(Instrumenter.Instrument(original, meterExpressionLambdas: false), cancellationToken);
        }
        if (attempt.Errors.Length > 0)
        {
            // An error repeated on a copy metering made of the candidate's text (an iterator's parameter types) is left
            // out: the candidate's own line has it.
            var own = attempt.Errors.Where(error => !Instrumenter.OnCopy(error)).ToArray();
            var diagnostics = (own.Length > 0 ? own : attempt.Errors.ToArray()).Take(MaxDiagnostics).Select(error => Describe(error, attempt.Compilation)).ToArray();
            return refused(Verdict.CompileError, diagnostics[0], diagnostics, []);
        }

        var compilation = attempt.Compilation;
        var tree = compilation.SyntaxTrees[0];
        var report = CandidatePolicy.Check(compilation.GetSemanticModel(tree), tree.GetRoot(cancellationToken), cancellationToken);
        if (report.Violations.Count > 0)
        {
            var messages = report.Violations.Select(v => v.Message).ToArray();
            return refused(Verdict.PolicyViolation, messages[0], messages, report.Violations);
        }
        if (report.RandomRewrites.Count > 0)
        {
            // Reached by a route the syntax alone could not see (an alias, target-typed new): rewrite by meaning.
            var rewritten = Instrumenter.RewriteRandom(tree, report.RandomRewrites);
            compilation = compilation.ReplaceSyntaxTree(tree, rewritten);
            tree = rewritten;
        }

        if (compilation.ScriptClass is not INamedTypeSymbol script
            || FindEntry(script, "", signature, HasTopLevelCode(original.GetCompilationUnitRoot(cancellationToken))) is not { } entry)
        {
            var reason = $"the code defines no method {signature} (at top level, or public static in a class)";
            return refused(Verdict.CompileError, reason, [reason], []);
        }

        var assembly = attempt.Assembly;
        if (report.RandomRewrites.Count > 0)
        {
            var rewritten = Emit(compilation, cancellationToken);
            if (rewritten.Assembly is null)
            {
                var diagnostics = rewritten.Errors.Take(MaxDiagnostics).Select(error => Describe(error, compilation)).ToArray();
                return refused(Verdict.CompileError, diagnostics.FirstOrDefault() ?? "emit failed", diagnostics, []);
            }
            assembly = rewritten.Assembly;
        }
        return new AdmittedCandidate(hash, code, kind, null, "admitted", [], [], assembly, entry);
    }

    /// <summary>
    /// The code in a text: the text itself when it parses as C# (an improver's own source may hold fences
    /// inside its prompt strings), otherwise its largest fenced block, otherwise the whole text.
    /// </summary>
    public static string CodeOf(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NestsTooDeep(text))
        {
            return CodeBlocks.CodeOf(text);
        }
        if (!text.Contains("```", StringComparison.Ordinal) && !text.Contains("~~~", StringComparison.Ordinal))
        {
            return text;
        }
        var whole = CSharpSyntaxTree.ParseText(text, ParseOptions, cancellationToken: cancellationToken);
        return whole.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error) ? CodeBlocks.CodeOf(text) : text;
    }

    /// <summary>The content address of a candidate's code: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>
    /// A script compilation with no code. Every candidate's compilation is made from it by adding a tree, which keeps
    /// its bound references: binding ~170 framework references afresh per candidate costs more than the policy check.
    /// Its assembly name is therefore the same for every candidate; each is loaded into a context of its own.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> Empty = new(() =>
        CSharpCompilation.CreateScriptCompilation("candidate", syntaxTree: null, CompilationReferences.Get(), CompilationOptions));

    private static (CSharpCompilation Compilation, ImmutableArray<Diagnostic> Errors, byte[]? Assembly) Compile(
        SyntaxTree instrumented, CancellationToken cancellationToken)
    {
        var compilation = Empty.Value.AddSyntaxTrees(instrumented);
        var (errors, assembly) = Emit(compilation, cancellationToken);
        return (compilation, errors, assembly);
    }

    /// <summary>The error of a compilation that ran out of memory: the memory cap's verdict, not the text's.</summary>
    private const string RanOutOfMemoryId = "STOP0002";

    /// <summary>The emitted bytes, or the errors that stopped the emit (at least one).</summary>
    internal static (ImmutableArray<Diagnostic> Errors, byte[]? Assembly) Emit(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        EmitResult emitted;
        try
        {
            emitted = compilation.Emit(bytes, cancellationToken: cancellationToken);
        }
        catch (OutOfMemoryException)
        {
            // A constant the estimate missed (ConstantStrings) asked the host for more than it has: that candidate's error.
            return ([Diagnostic.Create(new DiagnosticDescriptor(RanOutOfMemoryId, "Too large", "compiling it ran out of memory", "Stop", DiagnosticSeverity.Error, true), Location.None)], null);
        }
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (!emitted.Success && errors.IsEmpty)
        {
            // Never admit what did not emit, even if Roslyn gave no error to say why.
            errors = [Diagnostic.Create(new DiagnosticDescriptor("STOP0001", "Emit failed", "emit failed", "Stop", DiagnosticSeverity.Error, true), Location.None)];
        }
        return (errors, emitted.Success ? bytes.ToArray() : null);
    }

    private static string Describe(Diagnostic diagnostic, Compilation compilation)
    {
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
        if (NamesTooLargeAType(diagnostic, compilation))
        {
            // Its message would spell the type out in full, each shared part again each time: gigabytes, in the host.
            return $"line {line}: {diagnostic.Id}: (the message names a type of more than {InferredTypes.MaxParts:N0} parts, not spelled out here)";
        }
        return $"line {line}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Whether the types at a diagnostic's place (the expression there, and the one around it) have more than
    /// <see cref="InferredTypes.MaxParts"/> parts: nested generic calls (<c>D(D(D(x)))</c> with <c>(T, T) D&lt;T&gt;(T)</c>) double a
    /// type at each level without any local the syntactic estimate sees. Counted with each shared part once.
    /// </summary>
    private static bool NamesTooLargeAType(Diagnostic diagnostic, Compilation compilation)
    {
        if (diagnostic.Location.SourceTree is not { } tree || !compilation.SyntaxTrees.Contains(tree))
        {
            return false;
        }
        var model = compilation.GetSemanticModel(tree);
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var sizes = new Dictionary<ITypeSymbol, long>(SymbolEqualityComparer.Default);
        foreach (var near in node.AncestorsAndSelf().Take(3).SelectMany(n => n.DescendantNodesAndSelf().Take(64)))
        {
            var info = model.GetTypeInfo(near);
            if (Parts(info.Type, sizes) > InferredTypes.MaxParts || Parts(info.ConvertedType, sizes) > InferredTypes.MaxParts)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many parts a type spelled out has (saturating), each distinct type counted once and remembered.</summary>
    private static long Parts(ITypeSymbol? type, Dictionary<ITypeSymbol, long> sizes)
    {
        if (type is null)
        {
            return 0;
        }
        if (sizes.TryGetValue(type, out var known))
        {
            return known;
        }
        sizes[type] = 1;
        var parts = type switch
        {
            INamedTypeSymbol named => named.TypeArguments.Aggregate(1L, (sum, argument) => Math.Min(sum + Parts(argument, sizes), long.MaxValue / 4)),
            IArrayTypeSymbol array => 1 + Parts(array.ElementType, sizes),
            _ => 1,
        };
        sizes[type] = parts;
        return parts;
    }

    /// <summary>
    /// Whether loading the script runs any of its code: top-level statements or member initializers. A script with
    /// none (the usual candidate, a method and maybe some classes) can be used without running its asynchronous
    /// initializer, whose state machine costs a worker as much time as scoring twenty parity instances.
    /// </summary>
    internal static bool HasTopLevelCode(CompilationUnitSyntax root) =>
        root.Members.Any(member => member switch
        {
            BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or MethodDeclarationSyntax => false,
            FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Initializer is not null),
            EventFieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Initializer is not null),
            PropertyDeclarationSyntax property => property.Initializer is not null,
            _ => true,
        });

    /// <summary>The entry method in the class that holds a candidate's members (the script class, or a batch's wrapper).</summary>
    /// <param name="script">That class.</param>
    /// <param name="prefix">Its namespace and a dot, or nothing, to make the metadata name a worker looks up.</param>
    /// <param name="signature">The entry's signature.</param>
    /// <param name="hasTopLevelCode">Whether the candidate's top-level code must run first.</param>
    internal static EntryPoint? FindEntry(INamedTypeSymbol script, string prefix, EntrySignature signature, bool hasTopLevelCode)
    {
        var topLevel = script.GetMembers(signature.MethodName).OfType<IMethodSymbol>().FirstOrDefault(m => Matches(m, signature));
        if (topLevel is not null)
        {
            return new EntryPoint(prefix + script.MetadataName, signature.MethodName, topLevel.IsStatic, hasTopLevelCode, ParameterTypes(signature));
        }
        var nested = script.GetTypeMembers()
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && t.Arity == 0)
            .SelectMany(t => t.GetMembers(signature.MethodName).OfType<IMethodSymbol>())
            .FirstOrDefault(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && Matches(m, signature));
        return nested is null ? null : new EntryPoint($"{prefix}{script.MetadataName}+{nested.ContainingType.MetadataName}", signature.MethodName, true, hasTopLevelCode, ParameterTypes(signature));
    }

    /// <summary>The entry's parameter types by full name, comma-separated: how a worker tells the entry from an overload of the same name.</summary>
    internal static string ParameterTypes(IEnumerable<Type> types) => string.Join(", ", types.Select(type => type.FullName));

    private static string ParameterTypes(EntrySignature signature) => ParameterTypes(signature.ParameterTypes);

    private static bool Matches(IMethodSymbol method, EntrySignature signature) =>
        method.Arity == 0
        && method.Parameters.Length == signature.ParameterTypes.Count
        && method.Parameters.Zip(signature.ParameterTypes).All(p => p.First.RefKind == RefKind.None && Matches(p.First.Type, p.Second));

    private static bool Matches(ITypeSymbol symbol, Type type)
    {
        if (type.IsArray)
        {
            return symbol is IArrayTypeSymbol { Rank: 1 } array && Matches(array.ElementType, type.GetElementType()!);
        }
        return symbol is INamedTypeSymbol named
            && named.Arity == 0
            && $"{named.ContainingNamespace.ToDisplayString()}.{named.MetadataName}" == type.FullName;
    }
}
