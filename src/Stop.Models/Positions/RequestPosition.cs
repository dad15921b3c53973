using System.Text.RegularExpressions;

namespace Stop.Models.Positions;

/// <summary>
/// The logical place of one request in a run, such as <c>gen1/cand3/meta2/call0/k4</c>: fixed before the
/// request is sent, so cassettes and exchange files are keyed by what was asked where, never by arrival order.
/// </summary>
public sealed partial record RequestPosition
{
    private RequestPosition(string path) => Path = path;

    /// <summary>The empty position; every other position is built from it by <see cref="Append"/>.</summary>
    public static RequestPosition Root { get; } = new(string.Empty);

    /// <summary>The segments joined by <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The segments, outermost first.</summary>
    public IReadOnlyList<string> Segments => Path.Length == 0 ? [] : Path.Split('/');

    /// <summary>This position without its last segment, or null for <see cref="Root"/>.</summary>
    public RequestPosition? Parent => Path.Length == 0 ? null : new(Path.Contains('/') ? Path[..Path.LastIndexOf('/')] : string.Empty);

    /// <summary>A file-system-safe id, unique per position because segments never contain a dot.</summary>
    public string FileId => Path.Length == 0 ? "root" : Path.Replace('/', '.');

    /// <summary>Parses <c>a/b/c</c>; the empty string is <see cref="Root"/>.</summary>
    public static RequestPosition Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var position = Root;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            position = position.Append(segment);
        }
        return position;
    }

    /// <summary>The position from a <see cref="FileId"/>.</summary>
    public static RequestPosition FromFileId(string fileId)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        return fileId == "root" ? Root : Parse(fileId.Replace('.', '/'));
    }

    /// <summary>A child position. Segments are letters, digits, <c>_</c> and <c>-</c> so that ids stay file names.</summary>
    public RequestPosition Append(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!SegmentPattern().IsMatch(segment))
        {
            throw new ArgumentException($"Position segment '{segment}' must be letters, digits, '_' or '-'.", nameof(segment));
        }
        return new(Path.Length == 0 ? segment : $"{Path}/{segment}");
    }

    public override string ToString() => Path;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SegmentPattern();
}
