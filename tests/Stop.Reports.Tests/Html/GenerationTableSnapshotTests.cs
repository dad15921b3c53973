using Snapshooter.Xunit;
using Stop.Reports.Html;
using Stop.Reports.Model;
using Stop.Reports.Tests.Fixtures;

namespace Stop.Reports.Tests.Html;

public sealed class GenerationTableSnapshotTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void LineageSection_OfAHandMadeRun_MatchesSnapshot()
    {
        var html = HtmlReport.Render(RunReportModel.Load(HandMadeRun.Write(Path.Combine(temp.Path, "tiny"))));

        var start = html.IndexOf("<section id=\"lineage\">", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length;
        // One row per line so a change reads as a small diff.
        html[start..end].Replace("<tr", "\n<tr", StringComparison.Ordinal).MatchSnapshot();
    }

    public void Dispose() => temp.Dispose();
}
