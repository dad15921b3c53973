namespace Stop.Reports.Model;

/// <summary>The sandbox's verdict words in the order the report lists them, best first.</summary>
public static class Verdicts
{
    /// <summary>Every verdict a run records.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["ok", "compile-error", "policy-violation", "timeout", "out-of-memory", "crashed", "runtime-error", "invalid-output"];

    /// <summary>Known verdicts first in <see cref="All"/> order, then any unknown ones alphabetically.</summary>
    public static IEnumerable<string> InOrder(IEnumerable<string> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return verdicts.Distinct(StringComparer.Ordinal)
            .OrderBy(v => All.Contains(v) ? All.ToList().IndexOf(v) : All.Count)
            .ThenBy(v => v, StringComparer.Ordinal);
    }
}
