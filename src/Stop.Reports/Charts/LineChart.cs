using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Charts;

/// <summary>A point of a line series: a generation and a score.</summary>
public sealed record ChartPoint(int X, double Y);

/// <summary>A named line with its points; <paramref name="ColorIndex"/> picks a palette colour.</summary>
public sealed record LineSeries(string Name, int ColorIndex, IReadOnlyList<ChartPoint> Points, bool Dotted = false);

/// <summary>A horizontal reference line, such as the seed improver's score, drawn dashed across the plot.</summary>
public sealed record ChartBaseline(string Name, int ColorIndex, double Y);

/// <summary>Draws line charts over generations as inline SVG: axes, ticks, labels, a legend and dashed baselines.</summary>
public static class LineChart
{
    /// <summary>The chart's svg element. Every data point is a <c>circle.point</c> carrying its values.</summary>
    public static string Render(string id, string title, string xTitle, string yTitle, IReadOnlyList<LineSeries> series, IReadOnlyList<ChartBaseline> baselines)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(baselines);
        var legend = series.Select(s => new LegendItem(s.Name, ChartPalette.SeriesColor(s.ColorIndex), s.Dotted ? LegendKind.DashedLine : LegendKind.Line))
            .Concat(baselines.Select(b => new LegendItem(b.Name, ChartPalette.SeriesColor(b.ColorIndex), LegendKind.DashedLine)));
        var frame = new ChartFrame(legend);
        var points = series.SelectMany(s => s.Points).ToList();
        var values = points.Select(p => p.Y).Concat(baselines.Select(b => b.Y)).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var y = ChartScale.Nice(Math.Min(0, values.Min()), values.Max(), frame.Bottom, frame.Top);
        var x = ChartScale.Integers(points.Select(p => p.X).DefaultIfEmpty(0).Min(), points.Select(p => p.X).DefaultIfEmpty(0).Max(), frame.Left, frame.Right);

        var svg = new StringBuilder();
        frame.Open(svg, id, title, yTitle, y);
        foreach (var baseline in baselines)
        {
            var py = Coordinate(y[baseline.Y]);
            svg.Append($"<line class=\"baseline\" x1=\"{Coordinate(frame.Left)}\" x2=\"{Coordinate(frame.Right)}\" y1=\"{py}\" y2=\"{py}\" stroke=\"{ChartPalette.SeriesColor(baseline.ColorIndex)}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>{Escape(baseline.Name)}: {Score(baseline.Y)}</title></line>");
        }
        foreach (var s in series)
        {
            var color = ChartPalette.SeriesColor(s.ColorIndex);
            var drawn = s.Points.Where(p => double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
            if (drawn.Count > 1)
            {
                var path = string.Join(" ", drawn.Select(p => $"{Coordinate(x[p.X])},{Coordinate(y[p.Y])}"));
                svg.Append($"<polyline class=\"series\" points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"{(s.Dotted ? " stroke-dasharray=\"2 3\"" : "")}/>");
            }
            foreach (var p in drawn)
            {
                svg.Append($"<circle class=\"point\" data-series=\"{Escape(s.Name)}\" data-x=\"{p.X}\" data-y=\"{Score(p.Y)}\" cx=\"{Coordinate(x[p.X])}\" cy=\"{Coordinate(y[p.Y])}\" r=\"{(s.Dotted ? "3" : "5")}\" fill=\"{color}\"><title>{Escape(s.Name)}, generation {p.X}: {Score(p.Y)}</title></circle>");
            }
        }
        frame.Close(svg, xTitle, x.Ticks.Select(t => (x[t], ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return svg.ToString();
    }
}
