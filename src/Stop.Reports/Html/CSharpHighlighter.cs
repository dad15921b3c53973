using System.Text;

namespace Stop.Reports.Html;

/// <summary>
/// Colours C# a line at a time: keywords, strings, characters, comments and numbers become spans, everything
/// escaped. A block comment carries over to the next line through the state the caller keeps. It is a
/// highlighter for reading, not a lexer: odd code still comes out escaped, just less colourful.
/// </summary>
public static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte",
        "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true",
        "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void",
        "volatile", "while", "yield", "when", "where", "select", "from", "let", "orderby", "init", "required", "with",
    };

    /// <summary>Highlights one line; <paramref name="inBlockComment"/> says whether a <c>/*</c> is open before and after it.</summary>
    public static string HighlightLine(string line, ref bool inBlockComment)
    {
        ArgumentNullException.ThrowIfNull(line);
        var html = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (inBlockComment)
            {
                var end = line.IndexOf("*/", i, StringComparison.Ordinal);
                var stop = end < 0 ? line.Length : end + 2;
                Span(html, "com", line[i..stop]);
                inBlockComment = end < 0;
                i = stop;
                continue;
            }
            var c = line[i];
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                Span(html, "com", line[i..]);
                break;
            }
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '*')
            {
                inBlockComment = true;
                Span(html, "com", "/*");
                i += 2;
                continue;
            }
            if (c == '"' || ((c == '$' || c == '@') && i + 1 < line.Length && (line[i + 1] == '"' || ((line[i + 1] == '@' || line[i + 1] == '$') && i + 2 < line.Length && line[i + 2] == '"'))))
            {
                var end = StringEnd(line, i);
                Span(html, "str", line[i..end]);
                i = end;
                continue;
            }
            if (c == '\'')
            {
                var end = QuotedEnd(line, i + 1, '\'', escapes: true);
                Span(html, "str", line[i..end]);
                i = end;
                continue;
            }
            if (char.IsDigit(c))
            {
                var end = i;
                while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '.' || line[end] == '_'))
                {
                    end++;
                }
                Span(html, "num", line[i..end]);
                i = end;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_'))
                {
                    end++;
                }
                var word = line[i..end];
                if (Keywords.Contains(word))
                {
                    Span(html, "kw", word);
                }
                else
                {
                    html.Append(Html.Escape(word));
                }
                i = end;
                continue;
            }
            html.Append(Html.Escape(c.ToString()));
            i++;
        }
        return html.ToString();
    }

    private static int StringEnd(string line, int start)
    {
        var quote = line.IndexOf('"', start);
        var verbatim = line.AsSpan(start, quote - start).Contains('@');
        return QuotedEnd(line, quote + 1, '"', escapes: !verbatim);
    }

    private static int QuotedEnd(string line, int i, char quote, bool escapes)
    {
        while (i < line.Length)
        {
            if (escapes && line[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (line[i] == quote)
            {
                if (!escapes && i + 1 < line.Length && line[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return line.Length;
    }

    private static void Span(StringBuilder html, string cssClass, string text) =>
        html.Append("<span class=\"").Append(cssClass).Append("\">").Append(Html.Escape(text)).Append("</span>");
}
