using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>One pass over one candidate: refuses constructs by syntax and every symbol the syntax binds to.</summary>
internal sealed class PolicyWalker(SemanticModel model, Func<SyntaxNode, bool> exempt, CancellationToken ct)
{
    private readonly SymbolJudge judge = new(model.Compilation.Assembly, model.SyntaxTree);
    private readonly List<PolicyViolation> violations = [];
    private readonly HashSet<(int Line, string Symbol)> reported = [];
    private readonly List<SyntaxNode> randomRewrites = [];
    private readonly GenericGrowth growth = new(model.Compilation.Assembly, model.SyntaxTree);

    public PolicyReport Run(SyntaxNode root)
    {
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.GetReferenceDirectives())
            {
                Report(directive, new Refusal("#r", PolicyCategory.AppDomain));
            }
            foreach (var directive in unit.GetLoadDirectives())
            {
                Report(directive, new Refusal("#load", PolicyCategory.Files));
            }
        }
        // nameof(...) only produces a string, so whatever it names is allowed.
        foreach (var node in root.DescendantNodesAndSelf(n => !IsNameOf(n)))
        {
            ct.ThrowIfCancellationRequested();
            if (!exempt(node) && !IsNameOf(node))
            {
                Visit(node);
            }
        }
        foreach (var (at, refusal) in growth.Refusals())
        {
            Report(at, refusal);
        }
        return new PolicyReport(WithoutRedundantTypes(), randomRewrites);
    }

    // `GC.Collect()` refuses both System.GC and System.GC.Collect; the member alone says it all.
    private List<PolicyViolation> WithoutRedundantTypes()
    {
        var owners = new HashSet<(int Line, string Type)>();
        foreach (var v in violations)
        {
            var dot = v.Symbol.LastIndexOf('.');
            owners.Add((v.Line, v.Symbol.StartsWith("new ", StringComparison.Ordinal) ? v.Symbol[4..] : dot > 0 ? v.Symbol[..dot] : ""));
        }
        return [.. violations.Where(v => !owners.Contains((v.Line, v.Symbol))).OrderBy(v => v.Line)];
    }

    private void Visit(SyntaxNode node)
    {
        foreach (var token in node.ChildTokens())
        {
            if (RefusedKeyword(token) is { } keyword)
            {
                Report(token, keyword);
            }
        }
        switch (node)
        {
            case QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or LiteralExpressionSyntax:
                // Each binds to the same symbol as its rightmost name, which is visited on its own.
                return;
            case ParenthesizedExpressionSyntax or CheckedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                // Each binds to the same symbol as the expression inside, which is visited on its own (and, when
                // instrumentation wrapped it, is the instrumenter's to answer for).
                return;
            case TupleExpressionSyntax or AnonymousObjectCreationExpressionSyntax:
                // Their types are the compiler's, bound to no symbol the checks below would judge.
                var made = model.GetTypeInfo(node, ct).Type;
                Check(node, made);
                if (made is INamedTypeSymbol { IsAnonymousType: true } anonymous
                    && (judge.Structural.WalksTooFar(anonymous, Walk.Equality) || judge.Structural.WalksTooFar(anonymous, Walk.Text)))
                {
                    Report(node, new Refusal(
                        $"{anonymous.ToDisplayString()}, compared or printed by the compiler through more than {StructuralMembers.MaxParts} parts or without end (make it a record with its own Equals and ToString)", PolicyCategory.Unmetered));
                }
                break;
            case ImplicitObjectCreationExpressionSyntax when Instrumenter.BeforeAnyBody(node):
                // Metering enters a construction there by its type, which a target-typed new(…) does not name.
                Report(node, new Refusal("new(…) in a constructor's arguments to another (name its type)", PolicyCategory.Unmetered));
                break;
            case FunctionPointerTypeSyntax:
                Report(node, new Refusal("delegate*", PolicyCategory.Unsafe));
                return;
            case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax when Instrumenter.UncountedIterator(node) is { } uncounted:
                // Its body was not moved to a local function, where disposing it is counted (Instrumenter.CountedIterator).
                Report(node, new Refusal(uncounted, PolicyCategory.Unmetered));
                break;
            case DestructorDeclarationSyntax destructor:
                // Finalizers run on the runtime's finalizer thread, outside metering.
                Report(destructor, new Refusal($"~{destructor.Identifier.ValueText}", PolicyCategory.GarbageCollector));
                return;
            case SimpleBaseTypeSyntax baseType when SymbolJudge.IsRandom(model.GetTypeInfo(baseType.Type, ct).Type):
                // A subclass's constructors call Random() without syntax instrumentation could rewrite.
                Report(baseType, new Refusal("System.Random as a base type", PolicyCategory.Randomness));
                break;
            case TypeDeclarationSyntax declaration when model.GetDeclaredSymbol(declaration, ct) is { TypeKind: TypeKind.Class or TypeKind.Struct } declared:
                CheckDeclaration(declaration, declared);
                break;
            case CommonForEachStatementSyntax forEach:
                CheckForEach(forEach);
                break;
            case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction:
                CheckDeconstruction(deconstruction, model.GetDeconstructionInfo(deconstruction));
                break;
            case QueryClauseSyntax clause:
                var info = model.GetQueryClauseInfo(clause, ct);
                CheckSymbol(clause, info.CastInfo);
                CheckSymbol(clause, info.OperationInfo);
                break;
            case CollectionExpressionSyntax when model.GetOperation(node, ct) is ICollectionExpressionOperation { ConstructMethod: { } construct }:
                Check(node, construct);
                break;
        }
        if (node is ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax
            or OrderingSyntax or SelectOrGroupClauseSyntax)
        {
            var symbolInfo = model.GetSymbolInfo(node, ct);
            CheckSymbol(node, symbolInfo);
            NoteRandom(node, symbolInfo.Symbol);
            if (symbolInfo.Symbol is { } used)
            {
                // Wherever the candidate's generic code is named, not only called: a method group made a delegate grows types too.
                growth.Note(node, () => Caller(node), used, IsOwn);
            }
        }
        if (node is ExpressionSyntax and not TypeSyntax)
        {
            var conversion = model.GetConversion(node, ct);
            if (conversion is { IsUserDefined: true, MethodSymbol: { } method })
            {
                Check(node, method);
            }
            if (conversion.IsBoxing && judge.Boxed(model.GetTypeInfo(node, ct).Type) is { } boxed)
            {
                Report(node, boxed);
            }
        }
    }

    /// <summary>The member whose generic code a node is in: lambdas and local functions that are not generic belong to it.</summary>
    private ISymbol? Caller(SyntaxNode node)
    {
        var caller = model.GetEnclosingSymbol(node.SpanStart, ct);
        while (caller is IMethodSymbol { MethodKind: MethodKind.LambdaMethod } or IMethodSymbol { MethodKind: MethodKind.LocalFunction, IsGenericMethod: false })
        {
            caller = caller.ContainingSymbol;
        }
        return caller;
    }

    private bool IsOwn(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, model.Compilation.Assembly);

    /// <summary>The refusal of a keyword refused wherever it appears, or null.</summary>
    public static Refusal? RefusedKeyword(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.UnsafeKeyword => new Refusal("unsafe", PolicyCategory.Unsafe),
        SyntaxKind.FixedKeyword => new Refusal("fixed", PolicyCategory.Unsafe),
        // stackalloc memory is neither counted by the meter nor bounded by the heap limit.
        SyntaxKind.StackAllocKeyword => new Refusal("stackalloc", PolicyCategory.Unsafe),
        SyntaxKind.ArgListKeyword => new Refusal("__arglist", PolicyCategory.Unsafe),
        SyntaxKind.MakeRefKeyword => new Refusal("__makeref", PolicyCategory.Unsafe),
        SyntaxKind.RefTypeKeyword => new Refusal("__reftype", PolicyCategory.Unsafe),
        SyntaxKind.RefValueKeyword => new Refusal("__refvalue", PolicyCategory.Unsafe),
        SyntaxKind.ExternKeyword => new Refusal("extern", PolicyCategory.Interop),
        SyntaxKind.AsyncKeyword => new Refusal("async", PolicyCategory.Threading),
        SyntaxKind.AwaitKeyword => new Refusal("await", PolicyCategory.Threading),
        SyntaxKind.LockKeyword => new Refusal("lock", PolicyCategory.Threading),
        SyntaxKind.TypeOfKeyword => new Refusal("typeof", PolicyCategory.Reflection),
        _ => null,
    };

    /// <summary>
    /// Interfaces whose members the library calls with a buffer of its own, pooled or on the stack and never cleared:
    /// a candidate implementing one could read what the worker, or an earlier job, left there. Generic math
    /// interfaces (<c>INumberBase&lt;T&gt;</c>) inherit the formattable ones; LINQ's <c>ToArray</c> hands a collection's
    /// <c>CopyTo</c> a pooled array, and every list, set and dictionary interface inherits <c>ICollection&lt;T&gt;</c>.
    /// Named by namespace and name without generic arity.
    /// </summary>
    public static readonly IReadOnlySet<string> HandedLibraryBuffers = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.ISpanFormattable",
        "System.IUtf8SpanFormattable",
        "System.Collections.ICollection",
        "System.Collections.Generic.ICollection",
    };

    /// <summary>
    /// How many of its own types a candidate type may derive from, one after the other. The runtime loads a type's
    /// bases with its own stack and time: a chain of 7,500 crashed the worker, 4,000 took 40 s for 60 units of fuel.
    /// </summary>
    public const int MaxInheritance = 32;

    /// <summary>
    /// How many bytes of instance fields an object of the candidate's may have, its own bases' included (128 numbers).
    /// Constructing one costs a unit of fuel however large it is: a class of 8,000 fields made 64 KB per unit, a
    /// thousand times a tick's time, and 128 fields of 256-byte structs made 32 KB.
    /// </summary>
    public const int MaxObjectBytes = 1024;

    /// <summary>
    /// A type and the candidate's own types it derives from, one after the other, up to one past
    /// <see cref="MaxInheritance"/>: a longer chain is refused anyway, and walking all of it for every declaration of
    /// 7,500 would cost the square.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> OwnChain(INamedTypeSymbol type)
    {
        var current = type;
        for (var depth = 0; current is not null && SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, type.ContainingAssembly) && depth <= MaxInheritance + 1; depth++)
        {
            yield return current;
            current = current.BaseType;
        }
    }

    private void CheckDeclaration(TypeDeclarationSyntax declaration, INamedTypeSymbol declared)
    {
        var chain = OwnChain(declared).ToList();
        if (chain.Count - 1 > MaxInheritance)
        {
            Report(declaration.Identifier, new Refusal($"{declared.Name}, derived more than {MaxInheritance} deep", PolicyCategory.Unmetered));
        }
        if (!declared.IsValueType && chain.Sum(judge.FieldBytes) > MaxObjectBytes)
        {
            Report(declaration.Identifier, new Refusal($"{declared.Name}, an object of more than {MaxObjectBytes:N0} bytes of fields", PolicyCategory.Unmetered));
        }
        if (judge.IsTooLarge(declared))
        {
            Report(declaration.Identifier, new Refusal($"{declared.Name}, a value of over {SymbolJudge.MaxValueBytes} bytes", PolicyCategory.Unmetered));
        }
        if (judge.Hashing.EqualsWithoutHash(declared))
        {
            Report(declaration.Identifier, new Refusal($"{declared.Name}.Equals without {declared.Name}.GetHashCode", PolicyCategory.UnreproducibleHash));
        }
        foreach (var walk in declared.IsRecord ? [Walk.Equality, Walk.Text] : Array.Empty<Walk>())
        {
            // A member the record writes itself stops the walk at once (StructuralMembers), so only the compiler's is judged here.
            if (judge.Structural.WalksTooFar(declared, walk))
            {
                // Its compiler-written member visits part after part, unmetered: along a chain of itself, to the real stack.
                var (member, verb) = walk == Walk.Equality ? ("Equals", "compared") : ("ToString", "printed");
                Report(declaration.Identifier, new Refusal(
                    $"{declared.Name}, {verb} by the compiler's {member} through more than {StructuralMembers.MaxParts} parts or without end (write its own {member})", PolicyCategory.Unmetered));
            }
        }
        if (declared.AllInterfaces.FirstOrDefault(i => HandedLibraryBuffers.Contains(HashReproducibility.FullName(i))) is { } buffered)
        {
            Report(declaration.Identifier, new Refusal($"{declared.Name} implementing {buffered.OriginalDefinition.ToDisplayString()}", PolicyCategory.Unsafe));
        }
    }

    private void CheckForEach(CommonForEachStatementSyntax forEach)
    {
        var info = model.GetForEachStatementInfo(forEach);
        Check(forEach, info.GetEnumeratorMethod);
        Check(forEach, info.MoveNextMethod);
        Check(forEach, info.CurrentProperty);
        Check(forEach, info.ElementConversion.MethodSymbol);
        if (forEach is ForEachVariableStatementSyntax variables)
        {
            CheckDeconstruction(forEach, model.GetDeconstructionInfo(variables));
        }
    }

    private void CheckDeconstruction(SyntaxNode node, DeconstructionInfo info)
    {
        Check(node, info.Method);
        Check(node, info.Conversion?.MethodSymbol);
        foreach (var nested in info.Nested)
        {
            CheckDeconstruction(node, nested);
        }
    }

    private void CheckSymbol(SyntaxNode node, SymbolInfo info)
    {
        Check(node, info.Symbol);
        // When binding failed the compiler refuses the candidate anyway; refuse what it might have meant too.
        foreach (var candidate in info.CandidateSymbols)
        {
            Check(node, candidate);
        }
    }

    private void Check(SyntaxNode node, ISymbol? symbol)
    {
        if (judge.Judge(symbol) is { } refusal)
        {
            Report(node, refusal);
        }
    }

    private void NoteRandom(SyntaxNode node, ISymbol? symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 0 } constructor
                when node is BaseObjectCreationExpressionSyntax && SymbolJudge.IsRandom(constructor.ContainingType):
                randomRewrites.Add(node);
                break;
            case IPropertySymbol { Name: "Shared", IsStatic: true } property
                when node is SimpleNameSyntax && SymbolJudge.IsRandom(property.ContainingType):
                randomRewrites.Add(node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node);
                break;
        }
    }

    private bool IsNameOf(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation
        && model.GetConstantValue(invocation, ct).HasValue;

    private void Report(SyntaxNodeOrToken at, Refusal refusal)
    {
        var line = at.GetLocation()!.GetLineSpan().StartLinePosition.Line + 1;
        if (reported.Add((line, refusal.Symbol)))
        {
            violations.Add(refusal.At(line));
        }
    }
}
