using Stop.Reports.Model;

namespace Stop.Reports.Html.Sections;

/// <summary>A run as the page names it ("A: run-1" beside "B: run-2"), with its column index.</summary>
internal sealed record NamedRun(string Name, int Index, RunReportModel Run);
