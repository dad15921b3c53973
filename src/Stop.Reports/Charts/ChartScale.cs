namespace Stop.Reports.Charts;

/// <summary>A linear map from data values to pixels, with round tick values.</summary>
internal sealed class ChartScale
{
    private ChartScale(double min, double max, double from, double to, IReadOnlyList<double> ticks)
    {
        Min = min;
        Max = max;
        From = from;
        To = to;
        Ticks = ticks;
    }

    public double Min { get; }

    public double Max { get; }

    public double From { get; }

    public double To { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>The pixel of a value.</summary>
    public double this[double value] => From + ((value - Min) / (Max - Min) * (To - From));

    /// <summary>A scale whose domain covers <paramref name="low"/>..<paramref name="high"/> widened to round ticks.</summary>
    public static ChartScale Nice(double low, double high, double from, double to, int tickCount = 5)
    {
        if (!(high > low))
        {
            high = low + 1;
        }
        var step = NiceStep((high - low) / tickCount);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        var ticks = new List<double>();
        for (var t = min; t <= max + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t, 10));
        }
        return new ChartScale(min, max, from, to, ticks);
    }

    /// <summary>A scale over whole numbers (generations), one tick each.</summary>
    public static ChartScale Integers(int low, int high, double from, double to)
    {
        var ticks = Enumerable.Range(low, high - low + 1).Select(i => (double)i).ToList();
        return high == low
            ? new ChartScale(low - 1, high + 1, from, to, ticks)
            : new ChartScale(low - 0.25, high + 0.25, from, to, ticks);
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
