using System.Text;

namespace Stop.Reports.Html.Sections;

/// <summary>Lays out per-run content in columns, one per run, each under the run's name.</summary>
internal static class Columns
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs, Action<StringBuilder, NamedRun> column)
    {
        page.Append($"<div class=\"runs runs-{runs.Count}\">");
        foreach (var run in runs)
        {
            page.Append($"<div class=\"run\" data-run=\"{run.Index}\"><h3 class=\"run-name\">{Html.Escape(run.Name)}</h3>");
            column(page, run);
            page.Append("</div>");
        }
        page.Append("</div>\n");
    }
}
