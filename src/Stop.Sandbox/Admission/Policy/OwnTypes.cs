using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>The types a candidate declares, nested ones included.</summary>
internal static class OwnTypes
{
    public static IEnumerable<INamedTypeSymbol> In(IAssemblySymbol candidate) => In(candidate.GlobalNamespace);

    private static IEnumerable<INamedTypeSymbol> In(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type)
                {
                    yield return type;
                }
                foreach (var nested in In(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
