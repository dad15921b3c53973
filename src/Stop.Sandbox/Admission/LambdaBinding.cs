using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission;

/// <summary>
/// How much binding the compiler would spend on a candidate's lambdas. A lambda passed to a call is bound once for each
/// overload the call might mean, since each gives its parameters other types; a lambda inside that lambda's body is
/// bound again each time its body is, so nesting multiplies: <c>a.Sum(x => b.Sum(y => c.Sum(z => …)))</c> binds the
/// innermost lambda 10³ times, and six such levels held an admission thread for minutes, past every cancellation
/// Roslyn checks. Estimated from syntax alone, before any compilation, from the overloads a call's name could mean.
/// </summary>
internal static class LambdaBinding
{
    /// <summary>
    /// The most binding a candidate may ask for, in lambda bodies of up to <see cref="NodesPerBinding"/> syntax nodes,
    /// each counted as many times as it would be bound: above real code (a brute force of three nested Max over a Sum
    /// is 21,000), and seconds of compiling at most.
    /// </summary>
    public const int MaxBindings = 50_000;

    /// <summary>The syntax nodes a body may have and still count as one binding; a larger one counts by its size.</summary>
    private const double NodesPerBinding = 64;

    /// <summary>Whether binding <paramref name="root"/>'s lambdas could come to more than <see cref="MaxBindings"/>.</summary>
    public static bool TooCostly(SyntaxNode root)
    {
        var overloads = new Overloads(root);
        double bindings = 0;
        // Each node with how often the compiler binds it: 0 outside any lambda (bound once, and not counted here).
        var pending = new Stack<(SyntaxNode Node, double Times)>([(root, 0)]);
        while (pending.TryPop(out var next))
        {
            var times = next.Times;
            if (next.Node is AnonymousFunctionExpressionSyntax lambda)
            {
                times = Math.Max(times, 1) * overloads.Of(TargetOf(lambda));
                bindings += times;
            }
            else if (QueryMethod(next.Node) is { } method)
            {
                // A query clause is a lambda passed to the method it becomes, bound once per overload of that name.
                times = Math.Max(times, 1) * overloads.OfMember(method);
                bindings += times;
            }
            else
            {
                bindings += times / NodesPerBinding;
            }
            if (bindings > MaxBindings)
            {
                return true;
            }
            foreach (var child in next.Node.ChildNodes())
            {
                pending.Push((child, times));
            }
        }
        return false;
    }

    /// <summary>The method a query clause becomes, whose argument its expression is; null for any other node.</summary>
    private static string? QueryMethod(SyntaxNode node) => node switch
    {
        FromClauseSyntax { Parent: QueryBodySyntax } => "SelectMany",
        LetClauseSyntax or SelectClauseSyntax => "Select",
        WhereClauseSyntax => "Where",
        JoinClauseSyntax join => join.Into is null ? "Join" : "GroupJoin",
        OrderingSyntax => "OrderBy",
        GroupClauseSyntax => "GroupBy",
        _ => null,
    };

    /// <summary>
    /// The call whose overloads decide the types of <paramref name="lambda"/>'s parameters, or null if none does. The
    /// lambda may reach it through expressions that take their type from where they stand (a conditional, a switch
    /// expression, a collection expression, a tuple), each of which is bound again for every overload too.
    /// </summary>
    private static SyntaxNode? TargetOf(AnonymousFunctionExpressionSyntax lambda)
    {
        SyntaxNode node = lambda;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or SwitchExpressionArmSyntax or SwitchExpressionSyntax or ExpressionElementSyntax
                    or CollectionExpressionSyntax or TupleExpressionSyntax:
                case ConditionalExpressionSyntax conditional when node != conditional.Condition:
                case ArgumentSyntax { Parent: TupleExpressionSyntax }:
                    node = parent;
                    continue;
                case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } }:
                    return call;
                case BinaryExpressionSyntax or AssignmentExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax:
                    // An operand of an operator the candidate may have overloaded, or of a conversion it may have written.
                    return parent;
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    // Each element of a collection initializer is an argument of an Add.
                    return initializer;
                default:
                    return null;
            }
        }
    }

    /// <summary>How many overloads a call could mean, counted by name: the candidate's own and the library's.</summary>
    private sealed class Overloads
    {
        private readonly Dictionary<string, int> own = new(StringComparer.Ordinal);
        private readonly bool importsStatics;
        private readonly int mostConstructors;

        public Overloads(SyntaxNode root)
        {
            foreach (var node in root.DescendantNodes())
            {
                var name = node switch
                {
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    LocalFunctionStatementSyntax function => function.Identifier.ValueText,
                    ConstructorDeclarationSyntax constructor => Constructor(constructor.Identifier.ValueText),
                    TypeDeclarationSyntax { ParameterList: not null } type => Constructor(type.Identifier.ValueText),
                    IndexerDeclarationSyntax => Indexer,
                    OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => Operator,
                    _ => null,
                };
                if (name is not null)
                {
                    own[name] = own.GetValueOrDefault(name) + 1;
                }
                importsStatics |= node is UsingDirectiveSyntax { StaticKeyword.RawKind: not 0 };
            }
            mostConstructors = Math.Max(
                own.Where(pair => pair.Key.StartsWith(ConstructorPrefix, StringComparison.Ordinal)).Select(pair => pair.Value).DefaultIfEmpty(1).Max(),
                Library.Value.MostConstructors);
        }

        public int Of(SyntaxNode? call)
        {
            var count = call switch
            {
                null => 1,
                InvocationExpressionSyntax { Expression: SimpleNameSyntax name } =>
                    // Without a receiver, a library method is in reach only through using static.
                    own.GetValueOrDefault(name.Identifier.ValueText) + (importsStatics ? Library.Value.Methods(name.Identifier.ValueText) : 0),
                InvocationExpressionSyntax invocation => NameOf(invocation.Expression) is { } name
                    ? own.GetValueOrDefault(name) + Library.Value.Methods(name)
                    : 1,
                ObjectCreationExpressionSyntax creation => Constructors(creation.Type),
                PrimaryConstructorBaseTypeSyntax primary => Constructors(primary.Type),
                ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax constructor } initializer
                    when initializer.IsKind(SyntaxKind.ThisConstructorInitializer) => own.GetValueOrDefault(Constructor(constructor.Identifier.ValueText)),
                ElementAccessExpressionSyntax or ElementBindingExpressionSyntax => own.GetValueOrDefault(Indexer),
                BinaryExpressionSyntax or AssignmentExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax => own.GetValueOrDefault(Operator),
                InitializerExpressionSyntax => own.GetValueOrDefault("Add") + Library.Value.Methods("Add"),
                // A base constructor, a target-typed new: which type's constructors is not in the syntax.
                _ => mostConstructors,
            };
            return Math.Max(count, 1);
        }

        /// <summary>How many overloads a method called on a receiver could mean, by its name.</summary>
        public int OfMember(string name) => Math.Max(own.GetValueOrDefault(name) + Library.Value.Methods(name), 1);

        private int Constructors(TypeSyntax type) => NameOf(type) is { } name
            ? own.GetValueOrDefault(Constructor(name)) + Library.Value.Constructors(name)
            : mostConstructors;

        private static string? NameOf(SyntaxNode node) => node switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax qualified => qualified.Name.Identifier.ValueText,
            _ => null,
        };

        private const string ConstructorPrefix = "new ";
        private const string Indexer = "this[]";
        private const string Operator = "operator";

        private static string Constructor(string type) => ConstructorPrefix + type;
    }

    private static readonly Lazy<LibraryOverloads> Library = new(LibraryOverloads.Read);

    /// <summary>
    /// Per name, how many public methods and constructors of the library take a delegate: the overloads among which a
    /// lambda's parameter types are chosen. Counted across every type of the assemblies that hold what a candidate may
    /// call, so that a name is never counted below what any one type offers.
    /// </summary>
    private sealed record LibraryOverloads(FrozenDictionary<string, int> MethodCounts, FrozenDictionary<string, int> ConstructorCounts, int MostConstructors)
    {
        public int Methods(string name) => MethodCounts.GetValueOrDefault(name);

        public int Constructors(string type) => ConstructorCounts.GetValueOrDefault(type);

        public static LibraryOverloads Read()
        {
            Assembly[] assemblies =
            [
                typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Stack<>).Assembly,
                typeof(ImmutableArray).Assembly, typeof(BigInteger).Assembly,
            ];
            var methods = new Dictionary<string, int>(StringComparer.Ordinal);
            var constructors = new Dictionary<string, int>(StringComparer.Ordinal);
            const BindingFlags declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (var type in assemblies.Distinct().SelectMany(assembly => assembly.GetExportedTypes()))
            {
                foreach (var method in type.GetMethods(declared).Where(TakesDelegate))
                {
                    methods[method.Name] = methods.GetValueOrDefault(method.Name) + 1;
                }
                var name = type.Name.Split('`')[0];
                foreach (var constructor in type.GetConstructors().Where(TakesDelegate))
                {
                    constructors[name] = constructors.GetValueOrDefault(name) + 1;
                }
            }
            return new(methods.ToFrozenDictionary(), constructors.ToFrozenDictionary(), constructors.Values.DefaultIfEmpty(1).Max());
        }

        private static bool TakesDelegate(MethodBase method) =>
            method.GetParameters().Any(parameter => typeof(Delegate).IsAssignableFrom(parameter.ParameterType));
    }
}
