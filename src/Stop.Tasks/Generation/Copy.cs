namespace Stop.Tasks.Generation;

/// <summary>Deep copies, so the scorer's data and the candidate's arguments never share an array.</summary>
internal static class Copy
{
    public static T[][] Jagged<T>(T[][] source) => [.. source.Select(row => (T[])row.Clone())];
}
