using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission;

/// <summary>
/// How large the types the compiler infers for a candidate's locals can get. <c>var b = (a, a);</c> doubles the size of
/// <c>a</c>'s type without spelling it: 24 such lines made a type the compiler spelled out in full to word an error
/// (8.9 GB of the host's memory), or to emit a generic call of it; and calls of <c>(T, T) D&lt;T&gt;(T x)</c> nested 22
/// deep took the compiler 33 s to bind. Estimated from syntax alone, before any compilation: a local's type is taken
/// to be as large as everything its initializer names, together, and a call of a generic method whose return type
/// names a type parameter k times as k times what it is given.
/// </summary>
internal static class InferredTypes
{
    /// <summary>The largest type a local may be estimated to have, in parts: 16 doublings; real code stays at a few.</summary>
    public const long MaxParts = 1 << 16;

    /// <summary>Whether some local or call of <paramref name="root"/> could have a type of more than <see cref="MaxParts"/> parts.</summary>
    public static bool TooLarge(SyntaxNode root)
    {
        var doubling = Doubling(root);
        // Keyed by name alone: locals of one name in two methods count as the larger, which only overestimates.
        var parts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax call && doubling.ContainsKey(NameOf(call)) && Size(call, parts, doubling) > MaxParts)
            {
                return true;
            }
            if (node is not VariableDeclaratorSyntax { Initializer: { } initializer, Parent: VariableDeclarationSyntax { Type.IsVar: true } } variable)
            {
                continue;
            }
            var size = Math.Max(1, Size(initializer.Value, parts, doubling));
            var key = variable.Identifier.ValueText;
            parts[key] = Math.Max(parts.GetValueOrDefault(key), size);
            if (size > MaxParts)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The candidate's generic methods whose return type names a type parameter more than once (<c>(T, T) D&lt;T&gt;(T x)</c>),
    /// by name, with how many times: calls of them nested in one another multiply a type's size.
    /// </summary>
    private static Dictionary<string, long> Doubling(SyntaxNode root)
    {
        var doubling = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.TypeParameterList is not null))
        {
            var parameters = method.TypeParameterList!.Parameters.Select(p => p.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
            var mentions = method.ReturnType.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().LongCount(name => parameters.Contains(name.Identifier.ValueText));
            if (mentions > 1)
            {
                var name = method.Identifier.ValueText;
                doubling[name] = Math.Max(doubling.GetValueOrDefault(name), mentions);
            }
        }
        return doubling;
    }

    /// <summary>
    /// How large the type of an expression could be, beyond what its text spells: the locals it names, and the calls
    /// of doubling methods it makes, each multiplying what it is given.
    /// </summary>
    private static long Size(SyntaxNode node, Dictionary<string, long> parts, Dictionary<string, long> doubling)
    {
        var sum = 0L;
        foreach (var child in node.ChildNodes())
        {
            sum = Math.Min(sum + Size(child, parts, doubling), MaxParts + 1);
        }
        return node switch
        {
            IdentifierNameSyntax name => parts.GetValueOrDefault(name.Identifier.ValueText),
            InvocationExpressionSyntax call when doubling.TryGetValue(NameOf(call), out var factor) => Math.Min(factor * Math.Max(sum, 1), MaxParts + 1),
            _ => sum,
        };
    }

    private static string NameOf(InvocationExpressionSyntax call) => call.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => "",
    };
}
