using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// Which hash codes a candidate may compute with. An object whose type does not override <c>GetHashCode</c> gets its
/// hash code from a per-thread sequence in the runtime that runs on from job to job; a struct that does not gets one
/// mixed with its type's address; a record class mixes in the hash code of its runtime type, which is such an object.
/// None of these is the same in two workers. Library code reaches them for a candidate in many ways
/// (<c>HashCode.Combine</c>, a tuple, a comparer, an anonymous type), so the policy judges each place a hash code
/// becomes visible by the static type being hashed:
/// <list type="bullet">
/// <item>a call of a <c>GetHashCode</c> the candidate did not write, or of <c>HashCode.Combine</c> and <c>HashCode.Add</c>;</item>
/// <item>a collection whose order follows its keys' hash codes (<c>ImmutableHashSet</c>, <c>FrozenDictionary</c>, …);</item>
/// <item>a candidate type that defines <c>Equals</c> but not <c>GetHashCode</c>: hash collections call its <c>Equals</c>,
/// metered code, exactly when two identity hash codes collide, so its fuel would vary.</item>
/// </list>
/// Dictionaries, hash sets, <c>Distinct</c> and <c>GroupBy</c> keep insertion order, so hashing inside them is invisible
/// and stays allowed whatever the key. Not thread-safe: one instance serves one check.
/// </summary>
internal sealed class HashReproducibility(Func<ISymbol, bool> isOwn)
{
    /// <summary>Collections that enumerate in an order their keys' hash codes decide (the first type argument is the key).</summary>
    public static FrozenSet<string> HashOrdered { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "System.Collections.Immutable.ImmutableHashSet",
        "System.Collections.Immutable.ImmutableDictionary",
        "System.Collections.Frozen.FrozenSet",
        "System.Collections.Frozen.FrozenDictionary");

    /// <summary>The type whose static methods hash values of any type.</summary>
    public const string HashCodeType = "System.HashCode";

    /// <summary>Library value types whose hash code is computed from their value alone.</summary>
    private static readonly FrozenSet<string> ValueHashed = FrozenSet.Create(StringComparer.Ordinal,
        "System.Half", "System.Int128", "System.UInt128", "System.Numerics.BigInteger", "System.Numerics.Complex",
        "System.Text.Rune", "System.Index", "System.Range", "System.Guid",
        "System.TimeSpan", "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly");

    private readonly Dictionary<ITypeSymbol, bool> known = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, bool> comparedByCandidate = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The type whose hash code <paramref name="method"/> would make visible without it being reproducible, or null.
    /// A <c>GetHashCode</c> the candidate wrote is judged by what its own body calls.
    /// </summary>
    public ITypeSymbol? Unreproducible(IMethodSymbol method)
    {
        if (method.Name == "GetHashCode")
        {
            if (isOwn(method) && !method.IsImplicitlyDeclared)
            {
                return null;
            }
            var hashed = method is { IsStatic: false, Parameters.Length: 1 } && IsEqualityComparer(method.ContainingType)
                ? method.Parameters[0].Type
                : method.ContainingType;
            return IsReproducible(hashed) ? null : hashed;
        }
        if (method.Name is "Combine" or "Add" && FullName(method.ContainingType) == HashCodeType)
        {
            return method.TypeArguments.FirstOrDefault(argument => !IsReproducible(argument));
        }
        return null;
    }

    /// <summary>The key type that would give a hash-ordered collection a different order in another worker, or null.</summary>
    public ITypeSymbol? UnreproducibleOrder(INamedTypeSymbol type) =>
        type.TypeArguments.Length > 0 && HashOrdered.Contains(FullName(type)) && !IsReproducible(type.TypeArguments[0])
            ? type.TypeArguments[0]
            : null;

    /// <summary>
    /// Whether a candidate type defines its own equality (<c>Equals(object)</c> or <c>IEquatable&lt;T&gt;.Equals</c>) with no
    /// <c>GetHashCode</c> of the candidate's own to go with it.
    /// </summary>
    public bool EqualsWithoutHash(INamedTypeSymbol type) => DefinesEquality(type) && !HashesItsOwnWay(type);

    /// <summary>
    /// The types whose <c>Equals</c> a value's structural equality calls: a record's or a struct's fields (a record's
    /// base record too), an anonymous type's properties, a tuple's, <c>KeyValuePair</c>'s or <c>Nullable</c>'s type
    /// arguments. None for anything that compares by reference, or by an <c>Equals</c> the candidate wrote.
    /// </summary>
    public IEnumerable<ITypeSymbol> ComparedParts(INamedTypeSymbol type)
    {
        if (type.IsAnonymousType)
        {
            return type.GetMembers().OfType<IPropertySymbol>().Select(property => property.Type);
        }
        if (isOwn(type.OriginalDefinition))
        {
            return !DefinesEquality(type) && (type.IsRecord || type.IsValueType)
                ? type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).Select(field => field.Type)
                    .Concat(type.BaseType is { IsRecord: true } baseRecord ? [baseRecord] : [])
                : [];
        }
        return LibraryParts(type);
    }

    /// <summary>
    /// The parts of a library type that compares and prints by its parts: a tuple's, <c>KeyValuePair</c>'s or
    /// <c>Nullable</c>'s type arguments. None for any other library type.
    /// </summary>
    public static IEnumerable<ITypeSymbol> LibraryParts(INamedTypeSymbol type) =>
        FullName(type) is "System.ValueTuple" or "System.Tuple" or "System.Collections.Generic.KeyValuePair" or "System.Nullable"
            ? type.TypeArguments
            : [];

    /// <summary>
    /// Whether hash collections comparing the type's values would run the candidate's code: an override of
    /// <c>object.Equals</c>, or an implementation of <c>IEquatable&lt;T&gt;.Equals</c>, implicit or explicit, written in
    /// the type or a base type. A method that only happens to be called <c>Equals</c> is never called by them.
    /// </summary>
    public bool DefinesEquality(INamedTypeSymbol type)
    {
        if (Overriding(type, "Equals", parameters: 1) is { } equals && isOwn(equals) && !equals.IsImplicitlyDeclared)
        {
            return true;
        }
        foreach (var equatable in type.AllInterfaces.Where(i => FullName(i) == "System.IEquatable"))
        {
            foreach (var member in equatable.GetMembers("Equals"))
            {
                if (type.FindImplementationForInterfaceMember(member) is { } implementation && isOwn(implementation) && !implementation.IsImplicitlyDeclared)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a hash collection holding the type would call the candidate's <c>Equals</c> on collisions of hash codes
    /// that are in part identity hashes (<c>(Key, object)</c> where <c>Key</c> defines equality). The worker fixes the
    /// identity hash sequence for each call, but the framework's shared objects draw from it only in a worker's first
    /// job, so which values collide, and the fuel of the calls, could still depend on the worker's history. Values of
    /// static type <c>object</c> or an interface are beyond what the policy sees.
    /// </summary>
    public bool CollisionsRunCandidateCode(ITypeSymbol type) => ComparedByCandidate(type) && !IsReproducible(type);

    /// <summary>
    /// Whether a hashed value of static type <paramref name="type"/> may be one of the framework's objects as well as
    /// one of the candidate's: it is <c>object</c>, an interface or another class of the library that is not sealed, or
    /// compares such a part. The framework's shared objects (<c>Array.Empty&lt;int&gt;()</c>, <c>Comparer&lt;int&gt;.Default</c>)
    /// keep the identity hash codes they drew in earlier jobs, and a hash set holding both calls the candidate's
    /// <c>Equals</c> exactly when one of them collides with a hash code the candidate chose: which reads those codes.
    /// </summary>
    public bool MixesWithLibraryObjects(ITypeSymbol type)
    {
        if (mixes.TryGetValue(type, out var known))
        {
            return known;
        }
        mixes[type] = false;
        known = type switch
        {
            { TypeKind: TypeKind.Interface } => true,
            INamedTypeSymbol { IsValueType: false, IsSealed: false, TypeKind: TypeKind.Class } library when !isOwn(library.OriginalDefinition) => true,
            INamedTypeSymbol named => TooNested(named) || ComparedParts(named).Any(MixesWithLibraryObjects),
            _ => false,
        };
        mixes[type] = known;
        return known;
    }

    private readonly Dictionary<ITypeSymbol, bool> mixes = new(SymbolEqualityComparer.Default);

    private bool ComparedByCandidate(ITypeSymbol type)
    {
        if (comparedByCandidate.TryGetValue(type, out var compared))
        {
            return compared;
        }
        comparedByCandidate[type] = false;
        compared = type is INamedTypeSymbol named && (TooNested(named) || Compares(named));
        comparedByCandidate[type] = compared;
        return compared;
    }

    private bool Compares(INamedTypeSymbol type) =>
        isOwn(type.OriginalDefinition) && DefinesEquality(type) || ComparedParts(type).Any(ComparedByCandidate);

    /// <summary>
    /// How deep type arguments may nest before a type is judged the worst way without looking inside: a generic type
    /// whose parts are ever larger instances of itself (<c>record R&lt;T&gt;(R&lt;List&lt;T&gt;&gt; Next)</c>) would be looked into forever.
    /// </summary>
    public const int MaxTypeNesting = 8;

    /// <summary>Whether a type's arguments nest deeper than <see cref="MaxTypeNesting"/>.</summary>
    public static bool TooNested(ITypeSymbol type) => Nesting(type, 0) > MaxTypeNesting;

    private static int Nesting(ITypeSymbol type, int depth) => depth > MaxTypeNesting ? depth : type switch
    {
        INamedTypeSymbol named => named.TypeArguments.Select(argument => Nesting(argument, depth + 1)).DefaultIfEmpty(depth).Max(),
        IArrayTypeSymbol array => Nesting(array.ElementType, depth + 1),
        _ => depth,
    };

    /// <summary>Whether every value of static type <paramref name="type"/> has the same hash code in every worker.</summary>
    public bool IsReproducible(ITypeSymbol type)
    {
        if (known.TryGetValue(type, out var reproducible))
        {
            return reproducible;
        }
        // A type that contains itself is not reproducible until shown otherwise.
        known[type] = false;
        reproducible = !TooNested(type) && Judge(type);
        known[type] = reproducible;
        return reproducible;
    }

    private bool Judge(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String or SpecialType.System_Decimal
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_IntPtr or SpecialType.System_UIntPtr
                or SpecialType.System_Enum:
                return true;
        }
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return IsReproducible(((INamedTypeSymbol)type).TypeArguments[0]);
        }
        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Interface or TypeKind.Delegate)
        {
            // Arrays, type parameters, interfaces, delegates: the value's own type decides, and it may hash by identity.
            return false;
        }
        if (named.TypeKind == TypeKind.Enum)
        {
            return true;
        }
        if (named.IsAnonymousType)
        {
            // The compiler combines the members' hash codes with a constant.
            return named.GetMembers().OfType<IPropertySymbol>().All(property => IsReproducible(property.Type));
        }
        if (isOwn(named.OriginalDefinition))
        {
            if (HashesItsOwnWay(named))
            {
                return true;
            }
            // A record struct combines its fields' hash codes; a record class adds its runtime type's, an object's.
            // Its fields include the backing fields of its properties; a computed property takes no part.
            return named is { IsRecord: true, IsValueType: true }
                && named.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).All(field => IsReproducible(field.Type));
        }
        if (FullName(named) is "System.ValueTuple" or "System.Tuple")
        {
            // Both combine their items' hash codes; the eighth item of a long tuple is a tuple of the rest.
            return named.TypeArguments.All(IsReproducible);
        }
        return named.IsValueType && ValueHashed.Contains(FullName(named));
    }

    /// <summary>
    /// Whether the <c>GetHashCode</c> a type's values run is one the candidate wrote, in the type or a base type. Only an
    /// override counts: a <c>new GetHashCode</c> hides object's from the candidate's own calls, not from a library's.
    /// </summary>
    private bool HashesItsOwnWay(INamedTypeSymbol type) =>
        Overriding(type, "GetHashCode", parameters: 0) is { IsImplicitlyDeclared: false } hash && isOwn(hash);

    /// <summary>The override of object's virtual method that a type's values run, or null when they run object's (or ValueType's).</summary>
    private static IMethodSymbol? Overriding(INamedTypeSymbol type, string name, int parameters)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m is { IsStatic: false, IsOverride: true } && m.Parameters.Length == parameters) is { } method)
            {
                return method;
            }
        }
        return null;
    }

    private static bool IsEqualityComparer(INamedTypeSymbol type) =>
        IsEqualityComparerInterface(type) || type.AllInterfaces.Any(IsEqualityComparerInterface);

    private static bool IsEqualityComparerInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && FullName(type) is "System.Collections.IEqualityComparer" or "System.Collections.Generic.IEqualityComparer";

    /// <summary>A top-level type's namespace and name, without generic arity: <c>System.Collections.Frozen.FrozenSet</c>.</summary>
    public static string FullName(INamedTypeSymbol type) =>
        type.ContainingType is null && !type.ContainingNamespace.IsGlobalNamespace ? $"{type.ContainingNamespace.ToDisplayString()}.{type.Name}" : type.Name;
}
