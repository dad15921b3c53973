using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission;

/// <summary>
/// How large the types the compiler infers for a candidate's locals can get. <c>var b = (a, a);</c> doubles the size of
/// <c>a</c>'s type without spelling it: 24 such lines made a type the compiler spelled out in full to word an error
/// (8.9 GB of the host's memory), or to emit a generic call of it. Estimated from syntax alone, before any
/// compilation: a local's type is taken to be as large as everything its initializer names, together.
/// </summary>
internal static class InferredTypes
{
    /// <summary>The largest type a local may be estimated to have, in parts: 16 doublings; real code stays at a few.</summary>
    public const long MaxParts = 1 << 16;

    /// <summary>Whether some local of <paramref name="root"/> could have a type of more than <see cref="MaxParts"/> parts.</summary>
    public static bool TooLarge(SyntaxNode root)
    {
        // Keyed by name alone: locals of one name in two methods count as the larger, which only overestimates.
        var parts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var variable in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (variable is not { Initializer: { } initializer, Parent: VariableDeclarationSyntax { Type.IsVar: true } })
            {
                continue;
            }
            long size = 1;
            foreach (var name in initializer.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                size = Math.Min(size + parts.GetValueOrDefault(name.Identifier.ValueText), MaxParts + 1);
            }
            var key = variable.Identifier.ValueText;
            parts[key] = Math.Max(parts.GetValueOrDefault(key), size);
            if (size > MaxParts)
            {
                return true;
            }
        }
        return false;
    }
}
