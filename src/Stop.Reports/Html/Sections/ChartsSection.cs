using System.Text;
using Stop.Reports.Charts;
using Stop.Reports.Model;

namespace Stop.Reports.Html.Sections;

/// <summary>The meta-utility per generation (val and test, seed as a dashed baseline) and the verdict mix per generation.</summary>
internal static class ChartsSection
{
    public static void Append(StringBuilder page, IReadOnlyList<NamedRun> runs)
    {
        page.Append("<section id=\"charts\"><h2>Meta-utility and verdicts per generation</h2>");
        var series = new List<LineSeries>();
        var baselines = new List<ChartBaseline>();
        foreach (var named in runs)
        {
            var generations = named.Run.Generations;
            var prefix = runs.Count == 1 ? "" : named.Name + " ";
            series.Add(new LineSeries(prefix + "val", named.Index * 3, generations.Select(g => new ChartPoint(g.Generation, g.Val)).ToList()));
            series.Add(new LineSeries(prefix + "test", (named.Index * 3) + 1, generations.Where(g => g.Test is not null).Select(g => new ChartPoint(g.Generation, g.Test!.Value)).ToList(), Dotted: true));
            if (generations.FirstOrDefault(g => g.Generation == 0) is { } seed)
            {
                baselines.Add(new ChartBaseline(prefix + "seed improver (gen 0 val)", (named.Index * 3) + 2, seed.Val));
            }
        }
        page.Append("<figure>")
            .Append(LineChart.Render("meta-utility-chart", "Meta-utility of each generation's improver", "generation", "meta-utility", series, baselines))
            .Append("<figcaption>Val and test meta-utility of the improver each generation chose; the dashed line is the seed improver (generation 0) on val.</figcaption></figure>");

        var allGenerations = runs.SelectMany(r => r.Run.Generations.Select(g => g.Generation)).Distinct().Order().ToList();
        var verdicts = Verdicts.InOrder(runs.SelectMany(r => r.Run.Generations.SelectMany(g => g.Verdicts.Keys))).ToList();
        var groups = allGenerations.Select(k => new BarGroup(
            $"gen {k}",
            runs.Select(named => new Bar(
                runs.Count == 1 ? "" : ((char)('A' + named.Index)).ToString(),
                named.Run.Generations.FirstOrDefault(g => g.Generation == k) is { } generation
                    ? verdicts.Select(v => new BarSegment(v, generation.Verdicts.GetValueOrDefault(v), ChartPalette.VerdictColor(v))).ToList()
                    : [])).ToList())).ToList();
        page.Append("<figure>")
            .Append(BarChart.Render("verdict-chart", "Sandboxed executions per generation, by verdict", "generation", "executions", groups))
            .Append($"<figcaption>Every improver run and every solution scored in a generation, stacked by the sandbox's verdict{(runs.Count == 1 ? "" : "; bars A and B are the two runs")}.</figcaption></figure>");
        page.Append("</section>\n");
    }
}
