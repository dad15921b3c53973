using Stop.Models.Usage;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;

namespace Stop.Cli.Output;

/// <summary>
/// A run's progress on standard error: the stage, then a status line of candidates scored, verdict counts
/// and the best scores so far, redrawn in place on a terminal and printed now and then otherwise.
/// </summary>
internal sealed class LiveProgress(TextWriter output) : IRunProgress
{
    private Func<UsageTotals>? usage;

    private readonly Lock gate = new();
    private readonly Dictionary<string, int> verdicts = new(StringComparer.Ordinal);
    private readonly bool redraw = !Console.IsErrorRedirected;
    private int solutions;
    private int improvers;
    private double bestSolution;
    private double bestMeta = double.NaN;
    private string stage = "";
    private long lastPrinted;

    public void Stage(string description)
    {
        lock (gate)
        {
            stage = description;
            if (redraw)
            {
                output.Write("\r\u001b[2K");
            }
            output.WriteLine($"• {description}");
        }
    }

    public void Recorded(RunEvent runEvent)
    {
        lock (gate)
        {
            switch (runEvent)
            {
                case SolutionScored s:
                    solutions++;
                    Count(s.Verdict);
                    bestSolution = Math.Max(bestSolution, s.Score);
                    break;
                case ImproverRan r:
                    improvers++;
                    Count(r.Verdict);
                    break;
                case MetaUtilityScored m:
                    bestMeta = double.IsNaN(bestMeta) ? m.Val : Math.Max(bestMeta, m.Val);
                    break;
                case GenerationDecided g:
                    if (redraw)
                    {
                        output.Write("\r\u001b[2K");
                    }
                    output.WriteLine($"  generation {g.Generation}: val {g.Val:0.####}, test {g.Test:0.####} — {g.Reason}");
                    return;
            }
            var line = $"  {solutions} solutions, {improvers} improver runs scored · {string.Join(" ", verdicts.OrderByDescending(v => v.Value).Select(v => $"{v.Key} {v.Value}"))} · best solution {bestSolution:0.####}, best meta-utility {(double.IsNaN(bestMeta) ? "-" : bestMeta.ToString("0.####"))} · {Usage()}";
            if (redraw)
            {
                output.Write("\r\u001b[2K" + (line.Length > Console.WindowWidth - 1 && Console.WindowWidth > 20 ? line[..(Console.WindowWidth - 1)] : line));
            }
            else if (Environment.TickCount64 - lastPrinted > 5000)
            {
                lastPrinted = Environment.TickCount64;
                output.WriteLine(line);
            }
        }
    }

    public void ReadUsageFrom(Func<UsageTotals> totals) => usage = totals;

    private string Usage() => usage?.Invoke() is { } u
        ? $"{u.Requests} requests, {u.TotalTokens:N0} tokens" + (u.CostUsd > 0 ? $", ${u.CostUsd:0.00}" : "")
        : "";

    private void Count(string verdict) => verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
}
