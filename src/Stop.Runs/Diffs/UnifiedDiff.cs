using DiffPlex;
using DiffPlex.Model;

namespace Stop.Runs.Diffs;

/// <summary>Computes unified diffs of improver sources with DiffPlex.</summary>
public static class UnifiedDiff
{
    /// <summary>Lines of unchanged context around each change, as <c>diff -u</c> shows.</summary>
    public const int DefaultContext = 3;

    /// <summary>
    /// Diffs two improvers line by line. Line endings are normalised to <c>\n</c> and a final newline is not a
    /// line of its own, so a CRLF copy of a generation diffs as equal to the LF original.
    /// </summary>
    public static ImproverDiff Compute(DiffSide oldSide, DiffSide newSide, int context = DefaultContext)
    {
        ArgumentNullException.ThrowIfNull(oldSide);
        ArgumentNullException.ThrowIfNull(newSide);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var oldLines = SplitLines(oldSide.Source);
        var newLines = SplitLines(newSide.Source);
        if (oldLines.Length + newLines.Length > MaxLines)
        {
            return new ImproverDiff(oldSide, newSide, Group(Replacement(oldLines, newLines), context));
        }
        var result = Differ.Instance.CreateDiffs(
            string.Join('\n', oldLines), string.Join('\n', newLines), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var script = EditScript(result, oldLines, newLines);
        return new ImproverDiff(oldSide, newSide, Group(script, context));
    }

    /// <summary>
    /// The most lines two sources may have between them to be diffed line by line. The diff takes time proportional to
    /// their lengths times their differences (a model's text of a million lines against a seed: hours); real improvers
    /// have hundreds of lines. Longer sources are shown as a whole replacement.
    /// </summary>
    public const int MaxLines = 20_000;

    private static List<DiffLine> Replacement(string[] oldLines, string[] newLines) =>
    [
        .. oldLines.Select((line, i) => new DiffLine(DiffLineKind.Removed, line, i + 1, null)),
        .. newLines.Select((line, i) => new DiffLine(DiffLineKind.Added, line, null, i + 1)),
    ];

    private static string[] SplitLines(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Length == 0)
        {
            return [];
        }
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        return text.Split('\n');
    }

    private static List<DiffLine> EditScript(DiffResult result, string[] oldLines, string[] newLines)
    {
        var script = new List<DiffLine>(oldLines.Length + newLines.Length);
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA)
            {
                script.Add(new DiffLine(DiffLineKind.Context, oldLines[a], a + 1, b + 1));
                a++;
                b++;
            }
            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                script.Add(new DiffLine(DiffLineKind.Removed, oldLines[a], a + 1, null));
            }
            for (var i = 0; i < block.InsertCountB; i++, b++)
            {
                script.Add(new DiffLine(DiffLineKind.Added, newLines[b], null, b + 1));
            }
        }
        while (a < oldLines.Length)
        {
            script.Add(new DiffLine(DiffLineKind.Context, oldLines[a], a + 1, b + 1));
            a++;
            b++;
        }
        return script;
    }

    private static List<DiffHunk> Group(List<DiffLine> script, int context)
    {
        var hunks = new List<DiffHunk>();
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == DiffLineKind.Context)
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - context);
            var end = i;
            // Extend while the next change is close enough that the contexts would touch.
            while (true)
            {
                while (end < script.Count && script[end].Kind != DiffLineKind.Context)
                {
                    end++;
                }
                var next = end;
                while (next < script.Count && script[next].Kind == DiffLineKind.Context)
                {
                    next++;
                }
                if (next < script.Count && next - end <= 2 * context)
                {
                    end = next;
                    continue;
                }
                end = Math.Min(script.Count, end + context);
                break;
            }
            hunks.Add(ToHunk(script, start, end));
            i = end;
        }
        return hunks;
    }

    private static DiffHunk ToHunk(List<DiffLine> script, int start, int end)
    {
        var lines = script.GetRange(start, end - start);
        var oldCount = lines.Count(l => l.Kind != DiffLineKind.Added);
        var newCount = lines.Count(l => l.Kind != DiffLineKind.Removed);
        var oldStart = lines.FirstOrDefault(l => l.OldLine is not null)?.OldLine ?? PrecedingLine(script, start, l => l.OldLine);
        var newStart = lines.FirstOrDefault(l => l.NewLine is not null)?.NewLine ?? PrecedingLine(script, start, l => l.NewLine);
        // GNU diff names an empty range by the line before it.
        return new DiffHunk(
            oldCount == 0 ? PrecedingLine(script, start, l => l.OldLine) : oldStart,
            oldCount,
            newCount == 0 ? PrecedingLine(script, start, l => l.NewLine) : newStart,
            newCount,
            lines);
    }

    private static int PrecedingLine(List<DiffLine> script, int index, Func<DiffLine, int?> number)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (number(script[i]) is { } n)
            {
                return n;
            }
        }
        return 0;
    }

    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
