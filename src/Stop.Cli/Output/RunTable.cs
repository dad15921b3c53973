using Stop.Models.Usage;
using Stop.Runs.RunDirectories;

namespace Stop.Cli.Output;

/// <summary>The generation table of a run: val, test, candidates, verdict counts, tokens, cost, model ids.</summary>
internal static class RunTable
{
    public static void Print(string runDirectory, TextWriter output)
    {
        using var run = RunDirectory.Open(runDirectory, forWriting: false);
        var manifest = run.ReadManifest();
        var events = RunDirectory.ReadEvents(run.EventsPath);
        var cassette = Stop.Models.Cassette.CassetteFile.Read(run.CassettePath);
        output.WriteLine($"run       {run.Path}");
        output.WriteLine($"task      {manifest.Options.Task}; model {manifest.Provider}:{manifest.ModelName}; responses by {manifest.ResponsesProducedBy}");
        var modelIds = cassette.Select(e => e.ModelId ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToArray();
        output.WriteLine($"model ids {TerminalText.Safe(string.Join(", ", modelIds))}{(modelIds.Length > 1 ? "  ⚠ more than one model answered: the model did not stay fixed" : "")}");
        output.WriteLine();
        var prices = manifest.Options.Prices is { } listed ? new PriceTable(listed) : null;
        output.WriteLine($"{"gen",3}  {"val",8}  {"test",8}  {"accepted",8}  {"candidates",10}  {"tokens",9}  {"cost USD",9}  verdicts");
        foreach (var generation in events.OfType<GenerationDecided>().OrderBy(g => g.Generation))
        {
            var prefix = generation.Generation == 0 ? "g0/" : $"g{generation.Generation}/";
            var mine = events.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            var verdicts = mine.Select(e => e switch { SolutionScored s => s.Verdict, ImproverRan r => r.Verdict, _ => null })
                .OfType<string>().GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            var answers = cassette.Where(c => c.Position.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            var tokens = answers.Sum(c => (c.InputTokens ?? 0) + (c.OutputTokens ?? 0));
            var costs = answers.Select(c => prices?.Cost(c.ModelId, c.InputTokens ?? 0, c.OutputTokens ?? 0)).ToArray();
            var cost = costs.Length > 0 && costs.All(c => c is not null) ? costs.Sum(c => c!.Value).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
            output.WriteLine($"{generation.Generation,3}  {generation.Val,8:0.####}  {generation.Test,8:0.####}  {(generation.Accepted ? "yes" : "no"),8}  {mine.Count(e => e is SolutionScored or ImproverRan),10}  {tokens,9}  {cost,9}  {string.Join(", ", verdicts)}");
        }
    }
}
