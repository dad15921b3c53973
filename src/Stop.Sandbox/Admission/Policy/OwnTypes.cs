using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// The types a candidate declares, nested ones included: those of its assembly declared in its own syntax tree. In a
/// batch the assembly holds other candidates too, and what the policy asks of a candidate's types (does any write its
/// own Equals?) must not depend on its company.
/// </summary>
internal static class OwnTypes
{
    public static IEnumerable<INamedTypeSymbol> In(IAssemblySymbol assembly, SyntaxTree candidate) => In(assembly.GlobalNamespace, candidate);

    private static IEnumerable<INamedTypeSymbol> In(INamespaceOrTypeSymbol container, SyntaxTree candidate)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type && type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == candidate))
                {
                    yield return type;
                }
                foreach (var nested in In(inner, candidate))
                {
                    yield return nested;
                }
            }
        }
    }
}
