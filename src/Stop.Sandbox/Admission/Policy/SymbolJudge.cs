using System.Collections.Frozen;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// Decides, once per symbol, whether a candidate may use it. The candidate's own declarations are always
/// allowed; everything else is looked up in <see cref="AllowList"/> by its containing type and namespace.
/// Not thread-safe: one judge serves one check.
/// </summary>
internal sealed class SymbolJudge
{
    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private readonly IAssemblySymbol candidateAssembly;
    private readonly SyntaxTree candidateTree;
    private readonly Dictionary<ISymbol, Refusal?> decisions = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamespaceSymbol, string> namespaceNames = new(SymbolEqualityComparer.Default);

    public SymbolJudge(IAssemblySymbol candidateAssembly, SyntaxTree candidateTree)
    {
        this.candidateAssembly = candidateAssembly;
        this.candidateTree = candidateTree;
        Hashing = new HashReproducibility(IsOwn);
        Structural = new StructuralMembers(IsOwn, candidateAssembly, candidateTree, Hashing);
    }

    /// <summary>How far the members the compiler writes for records and anonymous types can walk.</summary>
    public StructuralMembers Structural { get; }

    /// <summary>Which hash codes the candidate may see, judged with the same idea of what is the candidate's own.</summary>
    public HashReproducibility Hashing { get; }

    /// <summary>The refusal of <paramref name="symbol"/>, or null when the candidate may use it.</summary>
    public Refusal? Judge(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }
        if (decisions.TryGetValue(symbol, out var known))
        {
            return known;
        }
        var decision = symbol switch
        {
            INamespaceSymbol or ILabelSymbol or IDiscardSymbol or IPreprocessingSymbol => null,
            IAliasSymbol alias => Judge(alias.Target),
            ILocalSymbol local => JudgeType(local.Type),
            IParameterSymbol parameter => JudgeType(parameter.Type),
            IRangeVariableSymbol => null,
            ITypeSymbol type => JudgeType(type),
            IMethodSymbol method => JudgeMethod(method),
            IPropertySymbol property => JudgeMember(property, property.Type),
            IFieldSymbol field => JudgeMember(field, field.Type),
            IEventSymbol @event => JudgeMember(@event, @event.Type),
            _ => new Refusal(symbol.ToDisplayString(Format), PolicyCategory.Other),
        };
        decisions[symbol] = decision;
        return decision;
    }

    private Refusal? JudgeType(ITypeSymbol type)
    {
        if (decisions.TryGetValue(type, out var known))
        {
            return known;
        }
        var decision = type switch
        {
            ITypeParameterSymbol => null,
            IArrayTypeSymbol array => JudgeType(array.ElementType),
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => new Refusal(type.ToDisplayString(Format), PolicyCategory.Unsafe),
            { TypeKind: TypeKind.Dynamic } => new Refusal("dynamic", PolicyCategory.Dynamic),
            { TypeKind: TypeKind.Error } => null,
            // Such an object, in any collection, even typed object, lets identity hash collisions decide calls of metered
            // code. A value type is refused only where it is hashed or boxed (JudgeTypeArguments, Boxed): iterating a
            // Dictionary<Key, int> makes KeyValuePair<Key, int>s, and a queue of states holding a Key hashes nothing.
            INamedTypeSymbol { IsValueType: false } colliding when Hashing.CollisionsRunCandidateCode(colliding) => Colliding(colliding),
            INamedTypeSymbol { IsAnonymousType: true } => null,
            // Metering counts calls, not bytes: a value this large would make a copy cost a thousand times a unit of
            // fuel, and a few such locals per frame reach the real stack's end long before the depth limit.
            INamedTypeSymbol { IsValueType: true } large when IsTooLarge(large) =>
                new Refusal($"{type.ToDisplayString(Format)}, a value of over {MaxValueBytes} bytes", PolicyCategory.Unmetered),
            INamedTypeSymbol named => JudgeNamedType(named),
            _ => new Refusal(type.ToDisplayString(Format), PolicyCategory.Other),
        };
        decisions[type] = decision;
        return decision;
    }

    private Refusal? JudgeNamedType(INamedTypeSymbol type)
    {
        if (JudgeTypeArguments(type, type.TypeParameters, type.TypeArguments) is { } byArgument)
        {
            return byArgument;
        }
        var definition = type.OriginalDefinition;
        if (definition.ContainingType is { } container)
        {
            // A nested type is a member of its container (StringBuilder.ChunkEnumerator, List<T>.Enumerator).
            return JudgeType(type.ContainingType!) ?? (IsOwn(container) ? null : MemberRefusal(container, definition.Name, definition.ToDisplayString(Format)));
        }
        if (IsOwn(definition))
        {
            return null;
        }
        var rule = RuleOf(definition);
        if (rule.Refused is { } category)
        {
            return new Refusal(definition.ToDisplayString(Format), category);
        }
        return Hashing.UnreproducibleOrder(type) is null ? null : new Refusal(type.ToDisplayString(Format), PolicyCategory.UnreproducibleHash);
    }

    private Refusal? JudgeMethod(IMethodSymbol method)
    {
        // Extension methods are judged by the static class that declares them (System.Linq.Enumerable).
        method = method.ReducedFrom is null ? method : method.GetConstructedReducedFrom() ?? method.ReducedFrom;
        if (JudgeTypeArguments(method, method.TypeParameters, method.TypeArguments) is { } byArgument)
        {
            return byArgument;
        }
        return JudgeMember(method, method.ReturnType)
            ?? (Hashing.Unreproducible(method) is null ? null : new Refusal(Display(method), PolicyCategory.UnreproducibleHash));
    }

    private Refusal? JudgeMember(ISymbol member, ITypeSymbol valueType)
    {
        var container = member.ContainingType;
        while (container is { IsExtension: true })
        {
            container = container.ContainingType;
        }
        if (container is null)
        {
            return null;
        }
        if (container.ContainingType is not null || IsOwn(container))
        {
            if (JudgeType(container) is { } byContainer)
            {
                return byContainer;
            }
        }
        else
        {
            if (JudgeTypeArguments(container, container.TypeParameters, container.TypeArguments) is { } byArgument)
            {
                return byArgument;
            }
            var constructor = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
            var definition = container.OriginalDefinition.ToDisplayString(Format);
            var display = constructor ? $"new {definition}" : $"{definition}.{member.Name}";
            if (MemberRefusal(container.OriginalDefinition, constructor ? ".ctor" : member.Name, display) is { } byMember)
            {
                return byMember;
            }
        }
        // An allowed member must not hand the candidate a refused type (Exception.TargetSite, Console.In).
        return JudgeType(valueType);
    }

    /// <summary>The largest value a struct, record struct or tuple may be: room for 32 numbers of 8 bytes.</summary>
    public const int MaxValueBytes = 256;

    private readonly Dictionary<ITypeSymbol, long> bytes = new(SymbolEqualityComparer.Default);

    /// <summary>Whether a value of the type would take more than <see cref="MaxValueBytes"/>.</summary>
    public bool IsTooLarge(ITypeSymbol type) => type.IsValueType && Bytes(type) > MaxValueBytes;

    /// <summary>
    /// How many bytes a value of the type takes, at least: its fields' (a candidate's struct, a tuple), or for a library
    /// struct 16 and its type arguments'. Worked out from its fields, never from the runtime's layout.
    /// </summary>
    private long Bytes(ITypeSymbol type)
    {
        if (!type.IsValueType)
        {
            return 8;
        }
        if (bytes.TryGetValue(type, out var known))
        {
            return known;
        }
        // A struct cannot hold itself; one that seems to is under construction here, or an error the compiler reports.
        bytes[type] = 8;
        var size = type.SpecialType switch
        {
            SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte => 1,
            SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
            SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
            SpecialType.System_Decimal => 16,
            _ when type.TypeKind is TypeKind.Enum or TypeKind.TypeParameter || type is not INamedTypeSymbol => 8,
            _ when HashReproducibility.TooNested(type) => long.MaxValue / 4,
            _ => Fields((INamedTypeSymbol)type),
        };
        bytes[type] = size;
        return size;
    }

    /// <summary>The bytes a type's own instance fields take, the way <see cref="IsTooLarge"/> counts them (a reference is 8).</summary>
    public long FieldBytes(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).Sum(field => Math.Min(Bytes(field.Type), long.MaxValue / 1024));

    private long Fields(INamedTypeSymbol type)
    {
        if (IsOwn(type.OriginalDefinition))
        {
            return Math.Max(1, FieldBytes(type));
        }
        var arguments = type.TypeArguments.Sum(argument => Math.Min(Bytes(argument), long.MaxValue / 1024));
        return type.IsTupleType || HashReproducibility.FullName(type) is "System.ValueTuple" or "System.Collections.Generic.KeyValuePair"
            ? Math.Max(1, arguments)
            : 16 + arguments;
    }

    /// <summary>A method with its type's and its own type arguments: <c>System.HashCode.Combine&lt;int[]&gt;</c>.</summary>
    private static string Display(IMethodSymbol method) =>
        $"{method.ContainingType.ToDisplayString(Format)}.{method.Name}"
        + (method.IsGenericMethod ? $"<{string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(Format)))}>" : "");

    private Refusal? JudgeTypeArguments(ISymbol owner, IReadOnlyList<ITypeParameterSymbol> parameters, IReadOnlyList<ITypeSymbol> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (JudgeType(arguments[i]) is { } refusal)
            {
                return refusal;
            }
            if (arguments[i] is INamedTypeSymbol { IsValueType: true } value && Hashes(owner, parameters[i]) && Hashing.CollisionsRunCandidateCode(value))
            {
                return Colliding(value);
            }
            if (Hashes(owner, parameters[i]) && DefinesAnyEquality && Hashing.MixesWithLibraryObjects(arguments[i]))
            {
                return new Refusal(
                    $"{arguments[i].ToDisplayString(Format)} as a hashed key in a candidate that writes its own Equals: the framework's objects hash by identity",
                    PolicyCategory.UnreproducibleHash);
            }
            // `new T()` would create Random without the syntax instrumentation rewrites.
            if (parameters[i].HasConstructorConstraint && IsRandom(arguments[i]))
            {
                return new Refusal("System.Random as a new() type argument", PolicyCategory.Randomness);
            }
        }
        return null;
    }

    private bool? definesAnyEquality;

    /// <summary>Whether any of the candidate's types writes its own <c>Equals</c> (<see cref="HashReproducibility.DefinesEquality"/>).</summary>
    private bool DefinesAnyEquality => definesAnyEquality ??= OwnTypes.In(candidateAssembly, candidateTree).Any(Hashing.DefinesEquality);

    /// <summary>The refusal of a value type boxed (to object or an interface), where any hash collection may take it.</summary>
    public Refusal? Boxed(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsValueType: true } value && Hashing.CollisionsRunCandidateCode(value) ? Colliding(value) : null;

    private static Refusal Colliding(INamedTypeSymbol type) =>
        new($"{type.ToDisplayString(Format)}, compared by the candidate's Equals but hashed in part by identity", PolicyCategory.UnreproducibleHash);

    /// <summary>Library generic types that hash their first type argument.</summary>
    private static readonly HashSet<string> HashingTypes = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic.HashSet", "System.Collections.Generic.Dictionary", "System.Collections.Generic.OrderedDictionary",
        "System.Collections.ObjectModel.KeyedCollection", "System.Linq.Lookup",
    };

    /// <summary>
    /// LINQ operators that hash their keys (TKey), or their elements where they have no key: those that take an
    /// equality comparer, read from the library so that new ones (.NET 10's LeftJoin and RightJoin) are not missed,
    /// less the two that only compare.
    /// </summary>
    private static readonly FrozenSet<string> HashingOperators = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(method => method.GetParameters().Any(parameter => parameter.ParameterType is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() == typeof(IEqualityComparer<>)))
        .Select(method => method.Name)
        .Except(["Contains", "SequenceEqual"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the generic type or method hashes values of its type parameter: a hash collection's key, a LINQ
    /// operator's key, or anything of the candidate's own, which may hand it to either.
    /// </summary>
    private bool Hashes(ISymbol owner, ITypeParameterSymbol parameter) => owner switch
    {
        _ when IsOwn(owner.OriginalDefinition) => true,
        INamedTypeSymbol type => parameter.Ordinal == 0 && HashingTypes.Contains(HashReproducibility.FullName(type.OriginalDefinition)),
        IMethodSymbol method => HashingOperators.Contains(method.Name) && HashReproducibility.FullName(method.ContainingType) == "System.Linq.Enumerable"
            && (parameter.Name == "TKey" || parameter.Name == "TSource" && method.TypeParameters.All(p => p.Name != "TKey")),
        _ => false,
    };

    private Refusal? MemberRefusal(INamedTypeSymbol container, string name, string display)
    {
        if (container.ContainingType is not null)
        {
            // Members of an allowed nested type are allowed: the table lists top-level types only.
            return null;
        }
        return RuleOf(container).Member(name) is { } category ? new Refusal(display, category) : null;
    }

    private TypeRule RuleOf(INamedTypeSymbol topLevel) => AllowList.RuleOf(NamespaceName(topLevel.ContainingNamespace), topLevel.Name);

    private string NamespaceName(INamespaceSymbol ns)
    {
        if (!namespaceNames.TryGetValue(ns, out var name))
        {
            name = ns.IsGlobalNamespace ? "" : ns.ToDisplayString();
            namespaceNames[ns] = name;
        }
        return name;
    }

    private bool IsOwn(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, candidateAssembly);

    /// <summary>Whether the type is System.Random itself.</summary>
    public static bool IsRandom(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Random", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
