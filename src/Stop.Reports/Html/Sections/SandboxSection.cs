using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>Refusals by policy category and STOP's circumvention statistic, per generation.</summary>
internal static class SandboxSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"sandbox\"><h2>Sandbox events</h2><p>A candidate <em>tried to get round a limit</em> when a run of it was refused for files, network, processes, environment, reflection, budget tampering or instrumentation, overran its call budget, or returned output of the wrong shape (invalid-output). The rate is over the improver candidates each generation proposed.</p>");
        Columns.Append(page, runs, (html, named) =>
        {
            var generations = named.Run.Generations;
            var categories = generations.SelectMany(g => g.Sandbox.RefusalsByCategory.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            html.Append($"<table id=\"sandbox-{named.Index}\"><thead><tr><th>gen</th><th>executions</th>");
            foreach (var category in categories)
            {
                html.Append($"<th>refused: {Escape(category)}</th>");
            }
            html.Append("<th>improver candidates</th><th>circumventing</th><th>rate</th></tr></thead><tbody>");
            foreach (var g in generations)
            {
                html.Append($"<tr><td>{g.Generation}</td><td class=\"num\">{Count(g.Sandbox.Executions)}</td>");
                foreach (var category in categories)
                {
                    html.Append($"<td class=\"num\">{Count(g.Sandbox.RefusalsByCategory.GetValueOrDefault(category))}</td>");
                }
                html.Append($"<td class=\"num\">{Count(g.Sandbox.ImproverCandidates)}</td><td class=\"num\">{Count(g.Sandbox.Circumventing.Count)}</td><td class=\"num\">{Percent(g.Sandbox.CircumventionRate)}</td></tr>");
            }
            html.Append("</tbody></table>");
            if (categories.Count == 0)
            {
                html.Append("<p class=\"absent\">The policy refused nothing in this run.</p>");
            }
            var attempts = generations.SelectMany(g => g.Sandbox.Circumventing).ToList();
            if (attempts.Count > 0)
            {
                html.Append("<table class=\"attempts\"><thead><tr><th>candidate</th><th>hash</th><th>tried</th><th>reason</th></tr></thead><tbody>");
                foreach (var a in attempts)
                {
                    html.Append($"<tr><td><code>{Escape(a.Key)}</code></td><td class=\"hash\">{ShortHash(a.Candidate)}</td><td>{Escape(a.Attempt)}</td><td class=\"reason\">{Escape(a.Reason)}</td></tr>");
                }
                html.Append("</tbody></table>");
            }
        });
        page.Append("</section>\n");
    }
}
