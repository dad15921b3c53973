using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// How much larger the types a candidate's generic code makes at run time can get than the types it was given. A
/// generic method that calls another with <c>P&lt;T, T&gt;</c> makes a type three times the size of <c>T</c>; 23 such methods,
/// one calling the next, made a type whose name the runtime spelled in 500 million characters, in native memory,
/// for a few units of fuel (and at 24 the worker died of it). A cycle of such calls makes types without end. The
/// policy sees only the definitions, so it follows the uses (calls, constructions, method groups, types named, base
/// types) between the candidate's own generic methods and types, and refuses a use that closes a cycle with growth,
/// or one whose types can grow more than <see cref="MaxGrowth"/> times along the uses that follow it. Not thread-safe: one instance serves one check.
/// </summary>
internal sealed class GenericGrowth(IAssemblySymbol candidate, SyntaxTree tree)
{
    /// <summary>The most a chain of generic calls may multiply the size of the types it is given.</summary>
    public const int MaxGrowth = 256;

    /// <summary>Each use noted, where it is (none for an edge of dispatch, which adds nothing and is never refused).</summary>
    private readonly List<(ISymbol From, ISymbol To, long Factor, SyntaxNode? At, string Used, bool Called)> calls = [];

    /// <summary>
    /// Notes a use of <paramref name="used"/> (a call, a construction, a method group, a type named anywhere, a base
    /// type) inside <paramref name="user"/>'s code, when both are the candidate's own generic code.
    /// </summary>
    public void Note(SyntaxNode at, Func<ISymbol?> user, ISymbol used, Func<ISymbol, bool> isOwn)
    {
        // Only methods and types take type arguments; a field, a parameter or a local is reached through a type named
        // on its own (C<P<T, T>>.F names C<P<T, T>>), and counting them tied helpers to the generic class they sit in.
        if (used is not (IMethodSymbol or INamedTypeSymbol) || Context(used) is not { } to || !isOwn(to) || Context(user()) is not { } from || !isOwn(from))
        {
            return;
        }
        var arguments = used switch
        {
            IMethodSymbol method => method.TypeArguments.Concat(method.ContainingType?.TypeArguments ?? []),
            INamedTypeSymbol type => type.TypeArguments.Concat(type.ContainingType?.TypeArguments ?? []),
            _ => [],
        };
        var factor = arguments.Select(Factor).DefaultIfEmpty(1).Max();
        calls.Add((from, to, factor, at, used.Name, used is IMethodSymbol));
    }

    /// <summary>The calls refused, each with its refusal, once every call has been noted.</summary>
    public IEnumerable<(SyntaxNode At, Refusal Refusal)> Refusals()
    {
        AddDispatch();
        var reach = Reachability();
        var growing = calls.Where(call => call.Factor > 1 && reach(call.To).Contains(call.From)).ToList();
        foreach (var call in growing.Where(call => call.At is not null))
        {
            var what = !SymbolEqualityComparer.Default.Equals(call.From, call.To) ? "in a cycle of generic calls" : call.Called ? "calling itself" : "using itself";
            yield return (call.At!, new Refusal($"{call.Used}, {what} with ever larger type arguments", PolicyCategory.Unmetered));
        }
        // Without those, what remains grows only along paths: how much, from each context, by relaxation.
        var rest = calls.Except(growing).ToList();
        var growth = new Dictionary<ISymbol, long>(SymbolEqualityComparer.Default);
        for (var round = 0; round <= rest.Count; round++)
        {
            var changed = false;
            foreach (var call in rest)
            {
                var through = Math.Min(call.Factor * growth.GetValueOrDefault(call.To, 1), MaxGrowth + 1);
                if (through > growth.GetValueOrDefault(call.From, 1))
                {
                    growth[call.From] = through;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        foreach (var call in rest.Where(call => call.At is not null && call.Factor > 1 && call.Factor * growth.GetValueOrDefault(call.To, 1) > MaxGrowth))
        {
            yield return (call.At!, new Refusal(
                $"{call.Used}, {(call.Called ? "called" : "used")} with type arguments that the generic calls after it make more than {MaxGrowth} times larger", PolicyCategory.Unmetered));
        }
    }

    /// <summary>
    /// A call of an interface's or a virtual method runs an implementation or override: an edge from each of the
    /// candidate's own such methods to each of its own methods that implement or override it, adding nothing.
    /// </summary>
    private void AddDispatch()
    {
        var dispatch = new List<(ISymbol From, ISymbol To)>();
        foreach (var type in OwnTypes.In(candidate, tree))
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    dispatch.Add((overridden, method));
                }
            }
            foreach (var member in type.AllInterfaces.SelectMany(i => i.GetMembers()).OfType<IMethodSymbol>())
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                {
                    dispatch.Add((member, implementation));
                }
            }
        }
        foreach (var (from, to) in dispatch)
        {
            if (Context(from) is { } source && Context(to) is { } target && SymbolEqualityComparer.Default.Equals(source.ContainingAssembly, candidate)
                && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, candidate))
            {
                calls.Add((source, target, 1, null, to.Name, true));
            }
        }
    }

    /// <summary>The generic definition a member's type parameters come from: the method's own, or else its type's.</summary>
    private static ISymbol? Context(ISymbol? member) => member switch
    {
        IMethodSymbol { IsGenericMethod: true } method => method.OriginalDefinition,
        INamedTypeSymbol { IsGenericType: true } type => type.OriginalDefinition,
        { ContainingType: { IsGenericType: true } type } => type.OriginalDefinition,
        _ => null,
    };

    /// <summary>How many times the size of the type parameters in it a type argument is: 1 for a bare parameter or none.</summary>
    private static long Factor(ITypeSymbol argument) => argument is ITypeParameterSymbol || !Mentions(argument) ? 1 : Nodes(argument);

    private static bool Mentions(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => Mentions(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(Mentions),
        _ => false,
    };

    private static long Nodes(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => 1 + Nodes(array.ElementType),
        INamedTypeSymbol named => Math.Min(1 + named.TypeArguments.Sum(Nodes), MaxGrowth + 1),
        _ => 1,
    };

    private Func<ISymbol, HashSet<ISymbol>> Reachability()
    {
        var next = calls.ToLookup(call => call.From, call => call.To, SymbolEqualityComparer.Default);
        var known = new Dictionary<ISymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);
        return start =>
        {
            if (!known.TryGetValue(start, out var reached))
            {
                reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                var pending = new Stack<ISymbol>([start]);
                while (pending.TryPop(out var at))
                {
                    foreach (var to in next[at])
                    {
                        if (reached.Add(to))
                        {
                            pending.Push(to);
                        }
                    }
                }
                known[start] = reached;
            }
            return reached;
        };
    }
}
