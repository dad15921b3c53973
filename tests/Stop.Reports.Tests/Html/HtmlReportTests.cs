using System.Globalization;
using System.Text.RegularExpressions;
using Stop.Reports.Html;
using Stop.Reports.Model;
using Stop.Reports.Tests.Fixtures;
using Stop.Runs.Transfer;
using Stop.Runs.RunDirectories;
using Stop.Runs.Strategies;

namespace Stop.Reports.Tests.Html;

public sealed partial class HtmlReportTests(RecordedRunFixture recorded) : IClassFixture<RecordedRunFixture>, IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void Render_OfARecordedRun_FetchesNothing_AndPrintsUrlsOnlyAsEscapedRunText()
    {
        var html = HtmlReport.Render(RunReportModel.Load(recorded.RunDirectory));

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match url in Url().Matches(html))
        {
            // Inside markup a URL would be an attribute the browser could follow; in a text node it is only shown.
            var open = html.LastIndexOf('<', url.Index);
            var close = html.LastIndexOf('>', url.Index);
            Assert.True(close > open, $"URL inside markup: {html[Math.Max(0, open)..Math.Min(html.Length, url.Index + url.Length)]}");
        }
    }

    [Fact]
    public void Render_OfARecordedRun_PrintsEachGenerationsScoresFromTheEventLog()
    {
        var html = HtmlReport.Render(RunReportModel.Load(recorded.RunDirectory));

        var generations = RunDirectory.ReadEvents(Path.Combine(recorded.RunDirectory, "events.jsonl")).OfType<GenerationDecided>().ToList();
        Assert.Equal([0, 1, 2], generations.Select(g => g.Generation));
        foreach (var g in generations)
        {
            Assert.Contains($"data-series=\"val\" data-x=\"{g.Generation}\" data-y=\"{g.Val.ToString("0.0000", CultureInfo.InvariantCulture)}\"", html);
        }
        Assert.Contains("id=\"generations-0\"", html);
        Assert.Contains("class=\"bar\"", html);
        Assert.Contains("refused: Files", html);
        Assert.Contains("no transfer table in this run", html);
    }

    [Fact]
    public void Render_EscapesHostileRunText_InReasonsAndCode()
    {
        var dir = HandMadeRun.Write(Path.Combine(temp.Path, "hostile"), "rejected: </script><script>alert(1)</script> \"quoted\" 'single' <img src=x onerror=alert(2)>");

        var html = HtmlReport.Render(RunReportModel.Load(dir));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &lt;img src=x onerror=alert(2)&gt;", html);
    }

    [Fact]
    public void Render_WithATransferTable_DrawsGroupedBars_AndWithTwoRuns_ShowsBothSideBySide()
    {
        var a = HandMadeRun.Write(Path.Combine(temp.Path, "a"));
        var b = HandMadeRun.Write(Path.Combine(temp.Path, "b"));
        new TransferTable("improver-hash", "openai:fake-model", [new TransferRow("string_grid_dist", 0.1, 0.3, 0.45), new TransferRow("lpn", 0.2, 0.25, 0.5)]).Write(b);

        var html = HtmlReport.Render([RunReportModel.Load(a), RunReportModel.Load(b)]);

        Assert.Contains("class=\"runs runs-2\"", html);
        Assert.Contains("A: a", html);
        Assert.Contains("B: b", html);
        Assert.Contains("data-series=\"A: a val\"", html);
        Assert.Contains("data-series=\"B: b val\"", html);
        Assert.Contains("id=\"transfer-chart\"", html);
        Assert.Contains("data-value=\"0.4500\"", html);
        Assert.Contains("A: a: no transfer table in this run", html);
    }

    [Fact]
    public void Load_CountsCircumventionPerCandidate_AndFlagsAModelThatChanged()
    {
        var model = RunReportModel.Load(HandMadeRun.Write(Path.Combine(temp.Path, "run")));

        Assert.True(model.ModelChanged);
        Assert.Equal(["tiny-v1", "tiny-v2"], model.ModelIds.Keys);
        var g1 = model.Generations[1].Sandbox;
        Assert.Equal((2, 1, 0.5), (g1.ImproverCandidates, g1.Circumventing.Count, g1.CircumventionRate));
        Assert.Equal("refused: Files", g1.Circumventing[0].Attempt);
        Assert.Equal("budget overrun", model.Generations[2].Sandbox.Circumventing.Single().Attempt);
        Assert.Equal(300, model.Generations[1].Tokens.TotalTokens);
        Assert.Null(model.Generations[1].Tokens.CostUsd);
        Assert.Equal(["iterative refinement"], model.Generations[1].StrategyChange!.Added.Select(s => Stop.Runs.Strategies.ImproverStrategyNames.DisplayName(s)));
    }

    [Fact]
    public void Load_ShowsAProposalWhoseParseOutlastsTheBackstop_AsNotRead_AndGoesOn()
    {
        var dir = HandMadeRun.Write(Path.Combine(temp.Path, "run"));
        var nested = "0";
        for (var level = 0; level < 20; level++)
        {
            nested = $"c ? [{nested}] : 0";
        }
        File.WriteAllText(Path.Combine(dir, "candidates", HandMadeRun.BetterHash + ".csx"), $"bool c = true;\nvar x = {nested};\n");
        using var reader = StrategyReader.Isolated(backstop: TimeSpan.FromSeconds(1));

        var model = RunReportModel.Load(dir, strategies: reader);
        var html = HtmlReport.Render(model);

        Assert.Equal("reading it took more than 1 s", model.Generations[1].StrategiesUnread);
        Assert.Null(model.Generations[1].StrategyChange);
        Assert.Null(model.Generations[0].StrategiesUnread);
        Assert.Contains("Strategies: not read: reading it took more than 1 s", html);
    }

    [Fact]
    public void Load_WithAPrice_CostsEachGeneration()
    {
        var prices = new Stop.Models.Usage.PriceTable(new Dictionary<string, Stop.Models.Usage.ModelPrice> { ["tiny"] = new(1m, 2m) });

        var model = RunReportModel.Load(HandMadeRun.Write(Path.Combine(temp.Path, "run")), prices);

        // Two completions of 100 input and 50 output tokens at $1 and $2 per million.
        Assert.Equal(0.0004m, model.Generations[1].Tokens.CostUsd);
    }

    public void Dispose() => temp.Dispose();

    [GeneratedRegex(@"(src|href|xlink:href)\s*=|url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"https?://", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
