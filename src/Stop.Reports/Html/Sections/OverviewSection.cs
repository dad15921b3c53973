using System.Globalization;
using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>What each run was: task, model, who answered, its settings and its outcome.</summary>
internal static class OverviewSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"overview\"><h2>Overview</h2>");
        Columns.Append(page, runs, (html, named) =>
        {
            var run = named.Run;
            var options = run.Manifest.Options;
            var first = run.Generations.FirstOrDefault();
            var last = run.Generations.LastOrDefault();
            html.Append("<table class=\"facts\"><tbody>");
            Row(html, "Task", Escape(options.Task));
            Row(html, "Model", Escape($"{run.Manifest.Provider}:{run.Manifest.ModelName}"));
            Row(html, "Responses by", Escape(run.Manifest.ResponsesProducedBy));
            Row(html, "Created", Escape(run.Manifest.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture)));
            Row(html, "Settings", Escape($"T = {options.Iterations} iterations, k = {options.MetaTests} meta-tests, m = {options.CallBudget} calls × n = {options.ResponsesPerCall} responses, accept rule {options.Accept.ToString().ToLowerInvariant()}"));
            Row(html, "Generations", Count(run.Generations.Count));
            if (first is not null && last is not null)
            {
                Row(html, "Meta-utility (val)", $"{Score(first.Val)} (seed) → {Score(last.Val)} (generation {last.Generation})");
                Row(html, "Meta-utility (test)", $"{Score(first.Test)} (seed) → {Score(last.Test)} (generation {last.Generation})");
            }
            Row(html, "Directory", Escape(run.Path));
            html.Append("</tbody></table>");
        });
        page.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string name, string valueHtml) =>
        html.Append($"<tr><th scope=\"row\">{name}</th><td>{valueHtml}</td></tr>");
}
