using System.Text;
using static Stop.Reports.Html.Html;

namespace Stop.Reports.Charts;

/// <summary>A part of a bar: a named amount, coloured by <paramref name="Color"/> (a palette colour, never run text).</summary>
public sealed record BarSegment(string Name, double Value, string Color);

/// <summary>A bar of stacked segments; a grouped bar chart uses one segment per bar.</summary>
public sealed record Bar(string Label, IReadOnlyList<BarSegment> Segments);

/// <summary>Bars side by side under one x label (a generation, a task).</summary>
public sealed record BarGroup(string Label, IReadOnlyList<Bar> Bars);

/// <summary>
/// Draws stacked and grouped bar charts as inline SVG. A group holds bars side by side; a bar stacks its
/// segments. The legend lists each segment name once.
/// </summary>
public static class BarChart
{
    /// <summary>The chart's svg element. Every segment is a <c>rect.bar</c> carrying its value.</summary>
    public static string Render(string id, string title, string xTitle, string yTitle, IReadOnlyList<BarGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var legend = groups.SelectMany(g => g.Bars).SelectMany(b => b.Segments)
            .DistinctBy(s => s.Name).Select(s => new LegendItem(s.Name, s.Color, LegendKind.Box));
        var frame = new ChartFrame(legend);
        var tallest = groups.SelectMany(g => g.Bars).Select(b => b.Segments.Where(s => s.Value > 0).Sum(s => s.Value)).DefaultIfEmpty(0).Max();
        var lowest = groups.SelectMany(g => g.Bars).SelectMany(b => b.Segments).Select(s => s.Value).DefaultIfEmpty(0).Min();
        var y = ChartScale.Nice(Math.Min(0, lowest), tallest, frame.Bottom, frame.Top);

        var svg = new StringBuilder();
        frame.Open(svg, id, title, yTitle, y);
        var groupWidth = (frame.Right - frame.Left) / Math.Max(1, groups.Count);
        var ticks = new List<(double, string)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var inner = groupWidth * 0.8;
            var barWidth = inner / Math.Max(1, group.Bars.Count);
            var left = frame.Left + (g * groupWidth) + ((groupWidth - inner) / 2);
            ticks.Add((frame.Left + (g * groupWidth) + (groupWidth / 2), group.Label));
            for (var b = 0; b < group.Bars.Count; b++)
            {
                var bar = group.Bars[b];
                var x = left + (b * barWidth) + 1;
                var stacked = 0.0;
                foreach (var segment in bar.Segments.Where(s => s.Value != 0))
                {
                    var from = segment.Value > 0 ? stacked : 0;
                    var to = from + segment.Value;
                    if (segment.Value > 0)
                    {
                        stacked = to;
                    }
                    var top = y[Math.Max(from, to)];
                    var height = Math.Abs(y[from] - y[to]);
                    svg.Append($"<rect class=\"bar\" data-bar=\"{Escape(bar.Label)}\" data-segment=\"{Escape(segment.Name)}\" data-value=\"{Escape(ValueLabel(segment.Value))}\" x=\"{Coordinate(x)}\" y=\"{Coordinate(top)}\" width=\"{Coordinate(Math.Max(1, barWidth - 2))}\" height=\"{Coordinate(height)}\" fill=\"{segment.Color}\"><title>{Escape(group.Label)}, {Escape(bar.Label)}: {Escape(segment.Name)} {Escape(ValueLabel(segment.Value))}</title></rect>");
                }
                if (group.Bars.Count > 1 && bar.Label.Length > 0)
                {
                    svg.Append($"<text class=\"bar-label\" x=\"{Coordinate(x + ((barWidth - 2) / 2))}\" y=\"{Coordinate(y[Math.Max(0, stacked)] - 4)}\" text-anchor=\"middle\">{Escape(bar.Label)}</text>");
                }
            }
        }
        frame.Close(svg, xTitle, ticks);
        return svg.ToString();
    }

    private static string ValueLabel(double value) =>
        value == Math.Round(value) ? Count((long)value) : Score(value);
}
