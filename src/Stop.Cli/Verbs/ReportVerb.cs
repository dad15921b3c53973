using System.CommandLine;
using System.Globalization;
using Stop.Cli.Output;
using Stop.Models.Usage;
using Stop.Reports.Html;
using Stop.Reports.Model;

namespace Stop.Cli.Verbs;

/// <summary>
/// <c>stop report DIR [--out FILE.html]</c> or <c>stop report DIR_A DIR_B [--out FILE.html]</c>: one self-contained
/// HTML page about one run, or two side by side.
/// </summary>
internal static class ReportVerb
{
    public static Command Create()
    {
        var directories = new Argument<DirectoryInfo[]>("DIR")
        {
            Description = "A run directory, or two to compare side by side.",
            Arity = new ArgumentArity(1, 2),
        };
        var output = new Option<FileInfo?>("--out") { Description = "The HTML file to write (overwritten); default DIR/report.html." };
        var prices = new Option<string[]>("--price")
        {
            Description = "A model's price as MODEL=INPUT,OUTPUT in USD per million tokens; repeatable. Without one, cost is n/a.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("report", "Write a self-contained HTML report of a run, or of two runs side by side.") { directories };
        command.Options.Add(output);
        command.Options.Add(prices);
        command.SetAction(parse =>
        {
            var runs = parse.GetValue(directories) ?? [];
            if (runs.FirstOrDefault(d => !File.Exists(Path.Combine(d.FullName, "manifest.json"))) is { } missing)
            {
                return Fail.Usage($"{missing.FullName} holds no run (no manifest.json)");
            }
            if (!TryParsePrices(parse.GetValue(prices) ?? [], out var table, out var error))
            {
                return Fail.Usage(error);
            }
            var models = runs.Select(d => RunReportModel.Load(d.FullName, table)).ToList();
            var path = parse.GetValue(output)?.FullName ?? Path.Combine(runs[0].FullName, "report.html");
            File.WriteAllText(path, HtmlReport.Render(models));
            Console.WriteLine(path);
            return 0;
        });
        return command;
    }

    private static bool TryParsePrices(string[] values, out PriceTable table, out string error)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        table = PriceTable.Empty;
        error = "";
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            var amounts = parts.Length == 2 ? parts[1].Split(',') : [];
            if (amounts.Length != 2
                || !decimal.TryParse(amounts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var input)
                || !decimal.TryParse(amounts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var outputPrice))
            {
                error = $"--price {value}: expected MODEL=INPUT,OUTPUT (USD per million tokens), e.g. gpt-4o=2.5,10";
                return false;
            }
            prices[parts[0]] = new ModelPrice(input, outputPrice);
        }
        if (prices.Count > 0)
        {
            table = new PriceTable(prices);
        }
        return true;
    }
}
