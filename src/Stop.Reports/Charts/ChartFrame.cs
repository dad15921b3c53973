using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Charts;

/// <summary>
/// The parts every chart shares: the plot area, title, y axis with ticks and grid lines, axis titles and a
/// legend that wraps below the plot. Chart types draw their marks inside <see cref="Left"/>..<see cref="Right"/>
/// and <see cref="Top"/>..<see cref="Bottom"/>.
/// </summary>
internal sealed class ChartFrame
{
    public const double Width = 680;
    private const double PlotHeight = 220;
    private const double LegendRowHeight = 18;

    private readonly List<LegendItem> legend;

    public ChartFrame(IEnumerable<LegendItem> legend)
    {
        this.legend = legend.ToList();
        // Long names (two runs' series) get two columns so they never run into each other.
        LegendPerRow = this.legend.Select(l => l.Label.Length).DefaultIfEmpty(0).Max() > 26 ? 2 : 3;
    }

    private int LegendPerRow { get; }

    public double Left => 64;

    public double Right => Width - 16;

    public double Top => 40;

    public double Bottom => Top + PlotHeight;

    public double Height => Bottom + 52 + (Math.Ceiling(legend.Count / (double)LegendPerRow) * LegendRowHeight);

    /// <summary>Opens the svg, draws the title, the y axis and its grid.</summary>
    public void Open(StringBuilder svg, string id, string title, string yTitle, ChartScale y)
    {
        svg.Append($"<svg id=\"{Escape(id)}\" class=\"chart\" role=\"img\" aria-label=\"{Escape(title)}\" viewBox=\"0 0 {Coordinate(Width)} {Coordinate(Height)}\" width=\"{Coordinate(Width)}\" height=\"{Coordinate(Height)}\">");
        svg.Append($"<title>{Escape(title)}</title>");
        svg.Append($"<text class=\"chart-title\" x=\"{Coordinate(Width / 2)}\" y=\"22\" text-anchor=\"middle\">{Escape(title)}</text>");
        svg.Append("<g class=\"axis y-axis\">");
        foreach (var tick in y.Ticks)
        {
            var py = Coordinate(y[tick]);
            svg.Append($"<line class=\"grid\" x1=\"{Coordinate(Left)}\" x2=\"{Coordinate(Right)}\" y1=\"{py}\" y2=\"{py}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{Coordinate(Left - 6)}\" y=\"{py}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Escape(TickLabel(tick))}</text>");
        }
        svg.Append($"<line class=\"axis-line\" x1=\"{Coordinate(Left)}\" x2=\"{Coordinate(Left)}\" y1=\"{Coordinate(Top)}\" y2=\"{Coordinate(Bottom)}\"/>");
        var middle = Coordinate((Top + Bottom) / 2);
        svg.Append($"<text class=\"axis-title\" x=\"16\" y=\"{middle}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {middle})\">{Escape(yTitle)}</text>");
        svg.Append("</g>");
    }

    /// <summary>Draws the x axis line, its tick labels at the given pixels, its title, the legend, and closes the svg.</summary>
    public void Close(StringBuilder svg, string xTitle, IEnumerable<(double X, string Label)> xTicks)
    {
        svg.Append("<g class=\"axis x-axis\">");
        svg.Append($"<line class=\"axis-line\" x1=\"{Coordinate(Left)}\" x2=\"{Coordinate(Right)}\" y1=\"{Coordinate(Bottom)}\" y2=\"{Coordinate(Bottom)}\"/>");
        foreach (var (x, label) in xTicks)
        {
            svg.Append($"<line class=\"tick-mark\" x1=\"{Coordinate(x)}\" x2=\"{Coordinate(x)}\" y1=\"{Coordinate(Bottom)}\" y2=\"{Coordinate(Bottom + 5)}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{Coordinate(x)}\" y=\"{Coordinate(Bottom + 18)}\" text-anchor=\"middle\">{Escape(label)}</text>");
        }
        svg.Append($"<text class=\"axis-title\" x=\"{Coordinate((Left + Right) / 2)}\" y=\"{Coordinate(Bottom + 38)}\" text-anchor=\"middle\">{Escape(xTitle)}</text>");
        svg.Append("</g><g class=\"legend\">");
        var columnWidth = (Right - Left) / LegendPerRow;
        for (var i = 0; i < legend.Count; i++)
        {
            var x = Left + ((i % LegendPerRow) * columnWidth);
            var y = Bottom + 56 + ((i / LegendPerRow) * LegendRowHeight);
            var item = legend[i];
            svg.Append(item.Kind switch
            {
                LegendKind.Box => $"<rect x=\"{Coordinate(x)}\" y=\"{Coordinate(y - 9)}\" width=\"12\" height=\"12\" fill=\"{item.Color}\"/>",
                _ => $"<line x1=\"{Coordinate(x)}\" x2=\"{Coordinate(x + 22)}\" y1=\"{Coordinate(y - 3)}\" y2=\"{Coordinate(y - 3)}\" stroke=\"{item.Color}\" stroke-width=\"2.5\"{(item.Kind == LegendKind.DashedLine ? " stroke-dasharray=\"6 4\"" : "")}/>",
            });
            svg.Append($"<text class=\"legend-label\" x=\"{Coordinate(x + 28)}\" y=\"{Coordinate(y)}\">{Escape(item.Label)}</text>");
        }
        svg.Append("</g></svg>");
    }

    private static string TickLabel(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How a legend entry is drawn.</summary>
internal enum LegendKind
{
    Line,
    DashedLine,
    Box,
}

/// <summary>One legend entry. <paramref name="Color"/> is one of the palette's literal colours, never run text.</summary>
internal sealed record LegendItem(string Label, string Color, LegendKind Kind);
