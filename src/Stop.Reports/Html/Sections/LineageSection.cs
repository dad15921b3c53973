using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>Which candidate became which generation: gen K ← proposed ← gen K−1, accepted or not, and why.</summary>
internal static class LineageSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"lineage\"><h2>Lineage</h2><p>Each generation's improver proposed the next one by improving itself; the proposal became the next generation if accepted, otherwise the parent carried on.</p>");
        Columns.Append(page, runs, (html, named) =>
        {
            html.Append($"<table id=\"generations-{named.Index}\" class=\"generations\"><thead><tr><th>gen</th><th>parent</th><th>proposed</th><th>proposal val</th><th>accepted</th><th>chosen</th><th>val</th><th>test</th><th>candidates</th><th>decision</th></tr></thead><tbody>");
            string? parent = null;
            foreach (var g in named.Run.Generations)
            {
                html.Append($"<tr data-generation=\"{g.Generation}\" class=\"{(g.Accepted ? "accepted" : "rejected")}\">");
                html.Append($"<td>{g.Generation}</td>");
                html.Append($"<td class=\"hash\">{(parent is null ? "–" : ShortHash(parent))}</td>");
                html.Append($"<td class=\"hash\">{ShortHash(g.Proposed)}</td>");
                html.Append($"<td class=\"num\">{Score(g.ProposedVal)}</td>");
                html.Append($"<td>{(g.Accepted ? "<span class=\"yes\">yes</span>" : "<span class=\"no\">no</span>")}</td>");
                html.Append($"<td class=\"hash\">{ShortHash(g.Chosen)}</td>");
                html.Append($"<td class=\"num val\">{Score(g.Val)}</td>");
                html.Append($"<td class=\"num test\">{Score(g.Test)}</td>");
                html.Append($"<td class=\"num\">{g.ImproverCandidates}</td>");
                html.Append($"<td class=\"reason\">{Escape(g.Reason)}</td>");
                html.Append("</tr>");
                parent = g.Chosen;
            }
            html.Append("</tbody></table>");
            html.Append("<p class=\"chain\">");
            html.Append(string.Join(" → ", named.Run.Generations.Select(g =>
                $"<span class=\"{(g.Accepted ? "yes" : "no")}\">gen {g.Generation} <code>{ShortHash(g.Chosen)}</code></span>")));
            html.Append("</p>");
        });
        page.Append("</section>\n");
    }
}
