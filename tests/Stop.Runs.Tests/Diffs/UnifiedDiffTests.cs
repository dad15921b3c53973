using Snapshooter.Xunit;
using Stop.Runs.Diffs;

namespace Stop.Runs.Tests.Diffs;

public sealed class UnifiedDiffTests
{
    private static ImproverDiff Diff(string oldSource, string newSource, int context = UnifiedDiff.DefaultContext) =>
        UnifiedDiff.Compute(new DiffSide("old.csx", oldSource), new DiffSide("new.csx", newSource), context);

    [Fact]
    public void Compute_HasNoHunks_WhenSourcesAreEqual()
    {
        Assert.True(Diff("a\nb\n", "a\nb\n").IsEmpty);
    }

    [Fact]
    public void Compute_ShowsSourcesTooLongToDiffLineByLine_AsAWholeReplacement()
    {
        var seed = "a\nb\nc\n";
        var longer = string.Concat(Enumerable.Range(0, UnifiedDiff.MaxLines).Select(i => $"x{i}\n"));

        var hunk = Assert.Single(Diff(seed, longer).Hunks);

        Assert.Equal($"@@ -1,3 +1,{UnifiedDiff.MaxLines} @@", hunk.Header);
        Assert.Equal(3, hunk.Lines.Count(l => l.Kind == DiffLineKind.Removed));
        Assert.Equal(UnifiedDiff.MaxLines, hunk.Lines.Count(l => l.Kind == DiffLineKind.Added));
    }

    [Fact]
    public void Compute_TreatsCrlfAndLfAlike()
    {
        Assert.True(Diff("a\r\nb\r\n", "a\nb").IsEmpty);
    }

    [Fact]
    public void Compute_NumbersTheHunkAndItsLines_ForOneChangedLine()
    {
        var hunk = Assert.Single(Diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n").Hunks);

        Assert.Equal("@@ -2,7 +2,7 @@", hunk.Header);
        Assert.Equal(
            [DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Removed, DiffLineKind.Added, DiffLineKind.Context, DiffLineKind.Context, DiffLineKind.Context],
            hunk.Lines.Select(l => l.Kind));
        Assert.Equal(new DiffLine(DiffLineKind.Removed, "5", 5, null), hunk.Lines[3]);
        Assert.Equal(new DiffLine(DiffLineKind.Added, "five", null, 5), hunk.Lines[4]);
    }

    [Fact]
    public void Compute_SplitsHunks_WhenChangesAreMoreThanTwiceTheContextApart()
    {
        var lines = Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var changed = (string[])lines.Clone();
        changed[1] = "two";
        changed[17] = "eighteen";

        var diff = Diff(string.Join('\n', lines), string.Join('\n', changed));

        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"], diff.Hunks.Select(h => h.Header));
    }

    [Fact]
    public void Compute_JoinsHunks_WhenContextsTouch()
    {
        var diff = Diff("1\n2\n3\n4\n5\n6\n7\n8\n", "one\n2\n3\n4\n5\n6\n7\neight\n");

        Assert.Equal(["@@ -1,8 +1,8 @@"], diff.Hunks.Select(h => h.Header));
    }

    [Fact]
    public void Compute_StartsAnEmptyOldRangeAtZero_WhenTheOldFileIsEmpty()
    {
        var diff = Diff("", "a\nb\n");

        Assert.Equal("@@ -0,0 +1,2 @@", Assert.Single(diff.Hunks).Header);
        Assert.Equal(2, diff.AddedLines);
    }

    [Fact]
    public void Render_ShowsMetaUtilityInTheHeaders_WhenKnown()
    {
        var diff = UnifiedDiff.Compute(new DiffSide("gen_0.csx", "a\n", 0.5), new DiffSide("gen_1.csx", "b\n"));

        var text = UnifiedDiffRenderer.Render(diff);

        Assert.StartsWith("--- a/gen_0.csx\tmeta-utility 0.5000\n+++ b/gen_1.csx\n@@ -1 +1 @@\n-a\n+b\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeedAgainstRefinement_MatchesSnapshot()
    {
        var diff = UnifiedDiff.Compute(
            new DiffSide("gen_0.csx", Improvers.Read("seed"), 0.5125),
            new DiffSide("gen_1.csx", Improvers.Read("refine"), 0.6431));

        Snapshot.Match(UnifiedDiffRenderer.Render(diff));
    }

    [Fact]
    public void Render_SeedAgainstTemperatures_WithoutMetaUtilities_MatchesSnapshot()
    {
        var diff = UnifiedDiff.Compute(new DiffSide("seed.csx", Improvers.Read("seed")), new DiffSide("temperatures.csx", Improvers.Read("temperatures")));

        Snapshot.Match(UnifiedDiffRenderer.Render(diff));
    }
}
