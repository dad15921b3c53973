using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission;

/// <summary>
/// The assemblies a candidate compiles against, loaded once per process: every assembly of the shared framework
/// (the policy, not the reference list, decides what a candidate may use) plus Stop.Guest. Reusing the same
/// reference objects lets Roslyn share their symbols across every compilation.
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<ImmutableArray<string>> AllPaths = new(LoadPaths);
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(() => [.. AllPaths.Value.Select(path => MetadataReference.CreateFromFile(path))]);

    public static ImmutableArray<MetadataReference> Get() => All.Value;

    /// <summary>The files of <see cref="Get"/>, in the same order.</summary>
    public static ImmutableArray<string> Paths() => AllPaths.Value;

    /// <summary>
    /// Every public type of the references, nested ones included, read from their metadata without loading them. Each
    /// reader is open only while its types are enumerated.
    /// </summary>
    public static IEnumerable<(MetadataReader Metadata, TypeDefinition Type)> PublicTypes()
    {
        foreach (var path in Paths())
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.VisibilityMask) is TypeAttributes.Public or TypeAttributes.NestedPublic)
                {
                    yield return (metadata, type);
                }
            }
        }
    }

    private static ImmutableArray<string> LoadPaths()
    {
        // The shared framework's own assemblies only: the host's application assemblies are not a candidate's business.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetDirectoryName(path) == framework);
        var guest = typeof(Stop.Guest.Code).Assembly.Location;
        return [.. trusted.Append(guest).Distinct().Order(StringComparer.Ordinal)];
    }
}
