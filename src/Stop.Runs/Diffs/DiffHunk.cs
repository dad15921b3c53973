namespace Stop.Runs.Diffs;

/// <summary>
/// A run of changes with its surrounding context. Starts are 1-based; as in GNU diff, an empty range
/// starts at the line before it (0 when at the top of the file).
/// </summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>The <c>@@ -l,s +l,s @@</c> header, with <c>,1</c> counts omitted as GNU diff does.</summary>
    public string Header => $"@@ -{Range(OldStart, OldCount)} +{Range(NewStart, NewCount)} @@";

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
