namespace Stop.Runs.Diffs;

/// <summary>One side of an improver diff: its label (a file name or generation), source and, when known, meta-utility.</summary>
public sealed record DiffSide(string Label, string Source, double? MetaUtility = null);
