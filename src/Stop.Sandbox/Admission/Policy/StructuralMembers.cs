using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>What a compiler-written member walks part by part: a record's or anonymous type's Equals, or its ToString.</summary>
internal enum Walk
{
    Equality,
    Text,
}

/// <summary>
/// How far the members the compiler writes for records and anonymous types can go. A record's <c>Equals</c>,
/// <c>GetHashCode</c> and <c>ToString</c> visit its parts, and each part's in turn: compiled from the candidate, but
/// written by the compiler, so not metered. A part of type <c>object</c>, an interface or a type parameter can hold
/// the record itself, and a chain of a million of them recursed to the real stack; parts that share parts
/// (<c>record P(Q L, Q R)</c>, thirty types deep) compared 2^30 pairs for no fuel. So the policy bounds the walk:
/// at most <see cref="MaxParts"/> parts, or the candidate writes the member itself, and it is metered.
/// Not thread-safe: one instance serves one check.
/// </summary>
internal sealed class StructuralMembers(Func<ISymbol, bool> isOwn, IAssemblySymbol candidate, SyntaxTree tree, HashReproducibility hashing)
{
    /// <summary>The most parts a compiler-written member may visit, the value itself included.</summary>
    public const int MaxParts = 64;

    private const long Unbounded = long.MaxValue / 4;

    /// <summary>
    /// The most steps one judgement may take. A record's parts may each be any of several derived records, and the
    /// walk takes the largest of them, so the count stays small while the steps multiply: two derived records at each
    /// of 22 levels took four minutes. Real types stay far below this; a walk that needs more is judged unbounded.
    /// </summary>
    public const int MaxSteps = 2_000;

    private List<INamedTypeSymbol>? records;
    private readonly Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> derivedOf = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(ITypeSymbol, Walk), bool> judged = [];
    private readonly Dictionary<(ITypeSymbol, Walk), long> counted = [];
    private int steps;
    private bool reachedOpen;

    /// <summary>Whether the compiler's member of this walk, for values of <paramref name="type"/>, could visit more than <see cref="MaxParts"/> parts.</summary>
    public bool WalksTooFar(INamedTypeSymbol type, Walk walk)
    {
        if (!judged.TryGetValue((type, walk), out var tooFar))
        {
            steps = 0;
            tooFar = Parts(type, walk, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) > MaxParts;
            judged[(type, walk)] = tooFar;
        }
        return tooFar;
    }

    /// <summary>Whether the candidate wrote this walk's member for the type (then the compiler's is never called).</summary>
    private bool WritesOwn(INamedTypeSymbol type, Walk walk) => walk switch
    {
        Walk.Equality => hashing.DefinesEquality(type),
        _ => type.GetMembers("ToString").Concat(type.GetMembers("PrintMembers"))
            .Any(member => member is IMethodSymbol { IsImplicitlyDeclared: false, IsStatic: false } method && isOwn(method)
                && (method.Name == "PrintMembers" || method.Parameters.Length == 0)),
    };

    private long Parts(ITypeSymbol type, Walk walk, HashSet<ITypeSymbol> open)
    {
        if (++steps > MaxSteps)
        {
            // Judged unbounded for this walk only: not a count to keep.
            reachedOpen = true;
            return Unbounded;
        }
        if (type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType
            || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic)
        {
            // Such a part can hold any value, this one included.
            return Unbounded;
        }
        if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Delegate or TypeKind.Enum)
        {
            return 1;
        }
        if (counted.TryGetValue((named, walk), out var known))
        {
            return known;
        }
        if (HashReproducibility.TooNested(named) || !open.Add(named))
        {
            reachedOpen = true;
            return Unbounded;
        }
        var reachedBefore = reachedOpen;
        reachedOpen = false;
        try
        {
            var parts = Count(named, walk, open);
            if (!reachedOpen)
            {
                // A count that met no type still being counted holds wherever the type is met again.
                counted[(named, walk)] = parts;
            }
            return parts;
        }
        finally
        {
            open.Remove(named);
            reachedOpen |= reachedBefore;
        }
    }

    private long Count(INamedTypeSymbol named, Walk walk, HashSet<ITypeSymbol> open)
    {
        long parts = 1;
        foreach (var part in Visited(named, walk))
        {
            parts += Parts(part, walk, open);
            if (parts > MaxParts)
            {
                return Unbounded;
            }
        }
        // A part of a record class's type may hold any record derived from it, with parts of its own besides these.
        var own = parts;
        foreach (var derived in named.IsRecord && !named.IsValueType && isOwn(named.OriginalDefinition) && !WritesOwn(named, walk) ? Derived(named) : [])
        {
            var more = own;
            foreach (var part in Added(derived, named, walk))
            {
                more += Parts(part, walk, open);
                if (more > MaxParts)
                {
                    return Unbounded;
                }
            }
            parts = Math.Max(parts, more);
        }
        return parts;
    }

    /// <summary>The parts the compiler's (or the library's structural) member visits next, for values of the type.</summary>
    private IEnumerable<ITypeSymbol> Visited(INamedTypeSymbol type, Walk walk)
    {
        if (walk == Walk.Equality)
        {
            // What structural equality compares, as the hash policy sees it (a struct's Equals is the runtime's, field by field).
            return hashing.ComparedParts(type);
        }
        if (type.IsAnonymousType)
        {
            return type.GetMembers().OfType<IPropertySymbol>().Select(property => property.Type);
        }
        if (isOwn(type.OriginalDefinition))
        {
            // A struct's ToString is its name; a record's is the compiler's.
            return type.IsRecord && !WritesOwn(type, walk)
                ? Declared(type, walk).Concat(type.BaseType is { IsRecord: true } baseRecord ? [baseRecord] : [])
                : [];
        }
        return HashReproducibility.LibraryParts(type);
    }

    /// <summary>
    /// The parts a type declares itself: its fields, and for printing its properties too, computed ones included
    /// (<c>R Self =&gt; this</c> is printed).
    /// </summary>
    private static IEnumerable<ITypeSymbol> Declared(INamedTypeSymbol type, Walk walk) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).Select(field => field.Type)
            .Concat(walk == Walk.Text
                ? type.GetMembers().OfType<IPropertySymbol>().Where(property => !property.IsStatic && !property.IsIndexer && property.GetMethod is not null).Select(property => property.Type)
                : []);

    /// <summary>What a derived record adds to the parts of <paramref name="record"/>: what it and the records between declare.</summary>
    private IEnumerable<ITypeSymbol> Added(INamedTypeSymbol derived, INamedTypeSymbol record, Walk walk)
    {
        for (var current = derived; current is not null && !SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, record.OriginalDefinition); current = current.BaseType)
        {
            if (WritesOwn(current, walk))
            {
                // Its own member is metered, and stops the walk there.
                yield break;
            }
            foreach (var part in Declared(current, walk))
            {
                yield return part;
            }
        }
    }

    /// <summary>The candidate's record classes that derive from <paramref name="record"/>.</summary>
    private IEnumerable<INamedTypeSymbol> Derived(INamedTypeSymbol record)
    {
        if (!derivedOf.TryGetValue(record.OriginalDefinition, out var derived))
        {
            records ??= [.. OwnTypes.In(candidate, tree).Where(type => type is { IsRecord: true, IsValueType: false })];
            derived = [.. records.Where(type => !SymbolEqualityComparer.Default.Equals(type, record.OriginalDefinition) && DerivesFrom(type, record.OriginalDefinition))];
            derivedOf[record.OriginalDefinition] = derived;
        }
        return derived;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor))
            {
                return true;
            }
        }
        return false;
    }
}
