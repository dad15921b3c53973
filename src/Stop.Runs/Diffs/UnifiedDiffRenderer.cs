using System.Globalization;
using System.Text;

namespace Stop.Runs.Diffs;

/// <summary>Renders an <see cref="ImproverDiff"/> as the plain text <c>diff -u</c> prints.</summary>
public static class UnifiedDiffRenderer
{
    /// <summary>
    /// The <c>--- a/label</c> and <c>+++ b/label</c> headers (each followed by a tab and the side's meta-utility
    /// when known), then every hunk. Lines end in <c>\n</c>.
    /// </summary>
    public static string Render(ImproverDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        text.Append(FileHeader("---", "a", diff.Old)).Append('\n');
        text.Append(FileHeader("+++", "b", diff.New)).Append('\n');
        foreach (var hunk in diff.Hunks)
        {
            text.Append(hunk.Header).Append('\n');
            foreach (var line in hunk.Lines)
            {
                text.Append(Prefix(line.Kind)).Append(line.Text).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>A header line such as <c>--- a/gen_0.csx	meta-utility 0.5120</c>.</summary>
    public static string FileHeader(string marker, string prefix, DiffSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var header = $"{marker} {prefix}/{side.Label}";
        return side.MetaUtility is { } u
            ? header + "\tmeta-utility " + u.ToString("0.0000", CultureInfo.InvariantCulture)
            : header;
    }

    /// <summary>The one-character prefix unified diffs give a line of this kind.</summary>
    public static char Prefix(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Added => '+',
        DiffLineKind.Removed => '-',
        _ => ' ',
    };
}
