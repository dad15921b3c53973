using System.Text;
using Stop.Reports.Model;
using Stop.Runs.Diffs;
using Stop.Runs.Strategies;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Html.Sections;

/// <summary>Each generation's proposal against its parent, highlighted, with the strategies detected and how they changed.</summary>
internal static class DiffSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"diffs\"><h2>What each generation changed</h2>");
        Columns.Append(page, runs, (html, named) =>
        {
            foreach (var g in named.Run.Generations)
            {
                html.Append($"<div class=\"generation-diff\" id=\"diff-{named.Index}-{g.Generation}\"><h4>Generation {g.Generation}{(g.Generation == 0 ? " (seed improver)" : g.Accepted ? " (accepted)" : " (proposal rejected)")}</h4>");
                Strategies(html, g);
                if (g.Diff is null)
                {
                    html.Append(g.Generation == 0 ? "<p class=\"absent\">The seed has no parent.</p>" : "<p class=\"absent\">No source stored for this generation or its parent.</p>");
                }
                else if (g.Diff.IsEmpty)
                {
                    html.Append("<p class=\"absent\">Same source as its parent.</p>");
                }
                else
                {
                    Diff(html, g.Diff);
                }
                html.Append("</div>");
            }
        });
        page.Append("</section>\n");
    }

    private static void Strategies(StringBuilder html, GenerationReport g)
    {
        html.Append("<p class=\"strategies\">Strategies: ");
        html.Append(g.StrategiesUnread is { } unread ? $"not read: {Escape(unread)}" : g.Strategies.Count == 0 ? "none detected" : string.Join(", ", g.Strategies.Select(s => $"<span class=\"strategy\" title=\"{Escape(s.ToString())}\">{Escape(s.Strategy.DisplayName())}</span>")));
        if (g.StrategyChange is { } change)
        {
            html.Append($"; added: {Names(change.Added, "added")}; removed: {Names(change.Removed, "removed")}");
        }
        html.Append("</p>");
    }

    private static string Names(IReadOnlyList<ImproverStrategy> strategies, string cssClass) =>
        strategies.Count == 0 ? "none" : string.Join(", ", strategies.Select(s => $"<span class=\"{cssClass}\">{Escape(s.DisplayName())}</span>"));

    private static void Diff(StringBuilder html, ImproverDiff diff)
    {
        html.Append($"<p class=\"diff-summary\">+{diff.AddedLines} −{diff.RemovedLines} lines</p>");
        html.Append($"<pre class=\"diff\"><span class=\"file\">{Escape(UnifiedDiffRenderer.FileHeader("---", "a", diff.Old))}</span>\n<span class=\"file\">{Escape(UnifiedDiffRenderer.FileHeader("+++", "b", diff.New))}</span>\n");
        // Highlighting state follows each side separately, so a block comment opened on a removed line does not colour added ones.
        bool oldComment = false, newComment = false;
        foreach (var hunk in diff.Hunks)
        {
            html.Append($"<span class=\"hunk\">{Escape(hunk.Header)}</span>\n");
            foreach (var line in hunk.Lines)
            {
                var (css, code) = line.Kind switch
                {
                    DiffLineKind.Added => ("add", CSharpHighlighter.HighlightLine(line.Text, ref newComment)),
                    DiffLineKind.Removed => ("del", CSharpHighlighter.HighlightLine(line.Text, ref oldComment)),
                    _ => ("ctx", Context(line.Text, ref oldComment, ref newComment)),
                };
                html.Append($"<span class=\"{css}\">{UnifiedDiffRenderer.Prefix(line.Kind)}{code}</span>\n");
            }
        }
        html.Append("</pre>");
    }

    private static string Context(string text, ref bool oldComment, ref bool newComment)
    {
        var code = CSharpHighlighter.HighlightLine(text, ref newComment);
        oldComment = newComment;
        return code;
    }
}
