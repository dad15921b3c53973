using System.Diagnostics;
using System.Text;

namespace Stop.Guest;

/// <summary>Finds fenced code blocks in model text, as STOP's <c>extract_code</c> does.</summary>
[StackTraceHidden]
public static class CodeBlocks
{
    /// <summary>
    /// The largest fenced code block of <paramref name="response"/> without its fences, or null when there is
    /// none. Like STOP's <c>extract_code</c>, a fence with a language tag (<c>```csharp</c>) opens a block,
    /// possibly nested (an improver's prompt strings hold fences), and a bare fence closes one. Unlike STOP, a
    /// bare fence outside any block opens one (STOP lost such blocks), an indented fence counts, and a block
    /// still open at the end of the answer (a model cut off by max_tokens) counts up to the end.
    /// </summary>
    public static string? Largest(string? response)
    {
        if (string.IsNullOrEmpty(response))
        {
            return null;
        }
        string? largest = null;
        var current = new StringBuilder();
        var depth = 0;
        foreach (var rawLine in response.Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.TrimStart();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var isBare = line[3..].Trim().Length == 0;
                if (isBare && depth == 1)
                {
                    depth = 0;
                    largest = Larger(largest, current.ToString());
                    current.Clear();
                    continue;
                }
                if (depth == 0)
                {
                    depth = 1;
                    continue;
                }
                depth += isBare ? -1 : 1;
            }
            if (depth > 0)
            {
                current.Append(rawLine).Append('\n');
            }
        }
        if (depth > 0)
        {
            largest = Larger(largest, current.ToString());
        }
        return string.IsNullOrWhiteSpace(largest) ? null : largest;
    }

    private static string Larger(string? largest, string block)
    {
        var content = block.EndsWith('\n') ? block[..^1] : block;
        return largest is null || content.Length > largest.Length ? content : largest;
    }

    /// <summary>The text as code: its largest fenced block when it has one, otherwise the whole text.</summary>
    public static string CodeOf(string text) => Largest(text) ?? text;
}
