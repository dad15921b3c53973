namespace Stop.Models;

/// <summary>Marks the assembly; removed once the project has real types.</summary>
internal static class AssemblyMarker;
