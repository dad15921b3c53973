namespace Stop.Guest;

/// <summary>Finds fenced code blocks (``` or ~~~, with or without a language tag) in model text.</summary>
public static class CodeBlocks
{
    /// <summary>The contents of the largest fenced block, or null when the text has no fence.</summary>
    public static string? Largest(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        string? best = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            var fence = FenceOf(lines[i]);
            if (fence is null)
            {
                i++;
                continue;
            }
            var start = ++i;
            while (i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal))
            {
                i++;
            }
            // An unterminated fence runs to the end: models often stop mid-block at the token limit.
            var body = string.Join('\n', lines[start..Math.Min(i, lines.Length)]);
            if (best is null || body.Length > best.Length)
            {
                best = body;
            }
            i++;
        }
        return best;
    }

    /// <summary>The text as code: its largest fenced block when it has fences, otherwise the whole text.</summary>
    public static string CodeOf(string text) => Largest(text) ?? text;

    private static string? FenceOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return "```";
        }
        return trimmed.StartsWith("~~~", StringComparison.Ordinal) ? "~~~" : null;
    }
}
