namespace Stop.Runs.Diffs;

/// <summary>A unified diff of two improver sources: the two sides and the hunks that turn the old into the new.</summary>
public sealed record ImproverDiff(DiffSide Old, DiffSide New, IReadOnlyList<DiffHunk> Hunks)
{
    /// <summary>True when the sources are line-for-line the same.</summary>
    public bool IsEmpty => Hunks.Count == 0;

    /// <summary>Lines only on the new side.</summary>
    public int AddedLines => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLineKind.Added));

    /// <summary>Lines only on the old side.</summary>
    public int RemovedLines => Hunks.Sum(h => h.Lines.Count(l => l.Kind == DiffLineKind.Removed));
}
