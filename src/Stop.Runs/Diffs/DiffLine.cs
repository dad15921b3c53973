namespace Stop.Runs.Diffs;

/// <summary>How a line of a hunk relates the two sides.</summary>
public enum DiffLineKind
{
    /// <summary>Unchanged, shown for context.</summary>
    Context,

    /// <summary>Only on the old side (<c>-</c>).</summary>
    Removed,

    /// <summary>Only on the new side (<c>+</c>).</summary>
    Added,
}

/// <summary>One line of a hunk with its 1-based line numbers on the sides it belongs to.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldLine, int? NewLine);
