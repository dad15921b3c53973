using System.Globalization;
using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>Model fixity (the model ids the provider reported) and tokens and cost per generation.</summary>
internal static class ModelSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"model\"><h2>Model fixity, tokens and cost</h2>");
        Columns.Append(page, runs, (html, named) =>
        {
            var run = named.Run;
            html.Append($"<p class=\"fixity {(run.ModelChanged ? "warning" : "fixed")}\">");
            html.Append(run.ModelIds.Count == 0
                ? "No completions recorded."
                : run.ModelChanged
                    ? $"⚠ More than one model answered: the model did not stay fixed ({run.ModelIds.Count} ids)."
                    : "One model answered every completion: the model stayed fixed.");
            html.Append("</p><ul class=\"model-ids\">");
            foreach (var (id, count) in run.ModelIds)
            {
                html.Append($"<li><code>{Escape(id)}</code>: {Count(count)} completions</li>");
            }
            html.Append("</ul>");
            html.Append($"<table id=\"tokens-{named.Index}\"><thead><tr><th>gen</th><th>completions</th><th>input tokens</th><th>output tokens</th><th>total</th><th>cost (USD)</th></tr></thead><tbody>");
            foreach (var g in run.Generations)
            {
                html.Append($"<tr><td>{g.Generation}</td><td class=\"num\">{Count(g.Tokens.Completions)}</td><td class=\"num\">{Count(g.Tokens.InputTokens)}</td><td class=\"num\">{Count(g.Tokens.OutputTokens)}</td><td class=\"num\">{Count(g.Tokens.TotalTokens)}</td><td class=\"num\">{Cost(g.Tokens.CostUsd)}</td></tr>");
            }
            var costs = run.Generations.Select(g => g.Tokens.CostUsd).ToList();
            var total = costs.All(c => c is not null) ? costs.Sum() : null;
            html.Append($"<tr class=\"total\"><td>all</td><td class=\"num\">{Count(run.Generations.Sum(g => g.Tokens.Completions))}</td><td class=\"num\">{Count(run.Generations.Sum(g => g.Tokens.InputTokens))}</td><td class=\"num\">{Count(run.Generations.Sum(g => g.Tokens.OutputTokens))}</td><td class=\"num\">{Count(run.Generations.Sum(g => g.Tokens.TotalTokens))}</td><td class=\"num\">{Cost(total)}</td></tr>");
            html.Append("</tbody></table>");
        });
        page.Append("</section>\n");
    }

    private static string Cost(decimal? usd) => usd is { } c ? "$" + c.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
}
