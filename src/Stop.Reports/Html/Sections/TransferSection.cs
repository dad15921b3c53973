using System.Text;
using Stop.Reports.Charts;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>The transfer table as grouped bars and a table, or one line saying the run has none.</summary>
internal static class TransferSection
{
    private static readonly string[] Measures = ["u(seed solution)", "û(seed improver)", "û(improved improver)"];

    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"transfer\"><h2>Transfer to other tasks</h2>");
        var withTable = runs.Where(r => r.Run.Transfer is not null).ToList();
        foreach (var named in runs.Where(r => r.Run.Transfer is null))
        {
            page.Append($"<p class=\"absent\">{Escape(named.Name)}: no transfer table in this run (no transfer.json; <code>stop eval</code> writes one).</p>");
        }
        if (withTable.Count > 0)
        {
            var tasks = withTable.SelectMany(r => r.Run.Transfer!.Rows.Select(t => t.Task)).Distinct(StringComparer.Ordinal).ToList();
            var groups = tasks.Select(task => new BarGroup(task, withTable.SelectMany(named =>
            {
                var row = named.Run.Transfer!.Rows.FirstOrDefault(t => t.Task == task);
                var prefix = runs.Count == 1 ? "" : $"{(char)('A' + named.Index)} ";
                double[] values = row is null ? [double.NaN, double.NaN, double.NaN] : [row.SeedSolution, row.SeedImprover, row.Improver];
                return Measures.Select((m, i) => new Bar(prefix.Trim(), double.IsFinite(values[i]) ? [new BarSegment(prefix + m, values[i], ChartPalette.SeriesColor((named.Index * 3) + i))] : []));
            }).ToList())).ToList();
            page.Append("<figure>").Append(BarChart.Render("transfer-chart", "Transfer: utilities per task", "task", "utility", groups)).Append("</figure>");
            Columns.Append(page, withTable, (html, named) =>
            {
                html.Append($"<table id=\"transfer-{named.Index}\"><thead><tr><th>task</th>{string.Concat(Measures.Select(m => $"<th>{Escape(m)}</th>"))}</tr></thead><tbody>");
                foreach (var row in named.Run.Transfer!.Rows)
                {
                    html.Append($"<tr><td>{Escape(row.Task)}</td><td class=\"num\">{Score(row.SeedSolution)}</td><td class=\"num\">{Score(row.SeedImprover)}</td><td class=\"num\">{Score(row.Improver)}</td></tr>");
                }
                html.Append("</tbody></table>");
            });
        }
        page.Append("</section>\n");
    }
}
