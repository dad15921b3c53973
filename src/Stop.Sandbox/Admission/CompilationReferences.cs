using System.Collections.Immutable;
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
