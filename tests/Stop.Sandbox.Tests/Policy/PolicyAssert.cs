using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Tests.Policy;

internal static class PolicyAssert
{
    public static void Refused(PolicyReport report, PolicyCategory category, string symbol, int line) =>
        Assert.True(
            report.Violations.Any(v => v.Category == category && v.Symbol == symbol && v.Line == line),
            $"Expected line {line}: {symbol} refused as {category}; got:\n{Describe(report)}");

    public static void Admitted(PolicyReport report) =>
        Assert.True(report.IsAdmitted, "Expected the candidate to be admitted; got:\n" + Describe(report));

    private static string Describe(PolicyReport report) =>
        report.Violations.Count == 0 ? "(no violations)" : string.Join("\n", report.Violations.Select(v => $"{v.Message} [{v.Category}]"));
}
