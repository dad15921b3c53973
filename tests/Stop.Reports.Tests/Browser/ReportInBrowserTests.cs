using Stop.Tests.Shared;
using System.Globalization;
using Microsoft.Playwright;
using Stop.Reports.Html;
using Stop.Reports.Model;
using Stop.Reports.Tests.Fixtures;
using Stop.Runs.RunDirectories;

namespace Stop.Reports.Tests.Browser;

/// <summary>
/// The report as a person sees it: opened from disk in headless Chromium (Debian's, never a downloaded one)
/// through Playwright's bundled driver, checked for drawn charts, real numbers and a quiet console.
/// </summary>
public sealed class ReportInBrowserTests(RecordedRunFixture recorded) : IClassFixture<RecordedRunFixture>, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Report_OfARecordedRun_OpensInChromium_WithChartsTablesAndNoConsoleErrors()
    {
        var html = Path.Combine(temp.Path, "report.html");
        Directory.CreateDirectory(temp.Path);
        File.WriteAllText(html, HtmlReport.Render(RunReportModel.Load(recorded.RunDirectory)));

        await CheckInBrowserAsync(html, recorded.RunDirectory, Path.Combine(RepositoryRuns.Root, "artifacts", "report-screenshot.png"));
    }

    [Fact]
    public async Task Report_OfEachRunShippedInTheRepository_OpensInChromium()
    {
        foreach (var run in RepositoryRuns.All())
        {
            var html = Path.Combine(temp.Path, Path.GetFileName(run) + ".html");
            Directory.CreateDirectory(temp.Path);
            File.WriteAllText(html, HtmlReport.Render(RunReportModel.Load(run)));

            await CheckInBrowserAsync(html, run, Path.Combine(RepositoryRuns.Root, "artifacts", $"report-{Path.GetFileName(run)}.png"));
        }
    }

    private static async Task CheckInBrowserAsync(string htmlPath, string runDirectory, string screenshot)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium, as .ci/install does). This test never downloads a browser.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                requests.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var generations = RunDirectory.ReadEvents(Path.Combine(runDirectory, "events.jsonl")).OfType<GenerationDecided>().OrderBy(g => g.Generation).ToList();
        Assert.NotEmpty(generations);
        var points = await page.Locator("svg#meta-utility-chart circle.point").CountAsync();
        Assert.True(points >= generations.Count, $"the meta-utility chart drew {points} points for {generations.Count} generations");
        var bars = page.Locator("svg#verdict-chart rect.bar");
        Assert.True(await bars.CountAsync() > 0, "the verdict chart drew no bars");
        var barBox = await bars.First.BoundingBoxAsync();
        Assert.True(barBox is { Height: > 0, Width: > 0 }, "the verdict chart's bars have no size");

        var seedVal = generations[0].Val.ToString("0.0000", CultureInfo.InvariantCulture);
        Assert.Equal(seedVal, (await page.Locator("#generations-0 tr[data-generation='0'] td.val").InnerTextAsync()).Trim());
        Assert.Equal(seedVal, await page.Locator("svg#meta-utility-chart circle.point[data-series='val'][data-x='0']").GetAttributeAsync("data-y"));
        Assert.Equal(generations.Count, await page.Locator("#generations-0 tbody tr").CountAsync());
        Assert.True(await page.Locator("#tokens-0 tbody tr").CountAsync() > generations.Count, "the tokens table has no rows per generation");
        Assert.True(await page.Locator("#sandbox-0").IsVisibleAsync(), "the sandbox table is not visible");

        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.Empty(errors);
        Assert.Empty(requests);
    }

    public void Dispose() => temp.Dispose();
}
