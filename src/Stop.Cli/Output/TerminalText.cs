using System.Globalization;
using System.Text;

namespace Stop.Cli.Output;

/// <summary>
/// Text a model wrote, as a terminal should show it rather than obey it. Control characters (escape sequences that
/// clear the screen, retitle the window or colour a line to pass for one of Stop's own) and the characters that
/// reorder text (bidirectional overrides and isolates) are spelt out, as <c>\x1B</c> or <c>\u202E</c>. Line breaks
/// and tabs stay; a carriage return before a line break goes.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(Obeyed))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            safe.Append(!Obeyed(c) ? c.ToString()
                : c < 0x100 ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
        }
        return safe.ToString();
    }

    private static bool Obeyed(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t')
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
