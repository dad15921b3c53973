namespace Stop.Reports.Charts;

/// <summary>The report's colours: distinct series colours, and one fixed colour per verdict.</summary>
public static class ChartPalette
{
    private static readonly string[] Series = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The colour of the <paramref name="index"/>-th series.</summary>
    public static string SeriesColor(int index) => Series[((index % Series.Length) + Series.Length) % Series.Length];

    /// <summary>The colour of a verdict; unknown verdicts are grey.</summary>
    public static string VerdictColor(string verdict) => verdict switch
    {
        "ok" => "#2ca02c",
        "compile-error" => "#ff7f0e",
        "policy-violation" => "#d62728",
        "timeout" => "#9467bd",
        "out-of-memory" => "#8c564b",
        "crashed" => "#e377c2",
        "runtime-error" => "#bcbd22",
        "invalid-output" => "#17becf",
        _ => "#7f7f7f",
    };
}
