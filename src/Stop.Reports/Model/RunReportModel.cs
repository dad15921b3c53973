using System.Text.RegularExpressions;
using Stop.Models.Cassette;
using Stop.Models.Usage;
using Stop.Runs.Transfer;
using Stop.Runs.Diffs;
using Stop.Runs.RunDirectories;
using Stop.Runs.Strategies;

namespace Stop.Reports.Model;

/// <summary>Everything the report shows about one run, read from its run directory.</summary>
/// <param name="Path">The run directory.</param>
/// <param name="Label">A short name: the directory's name.</param>
/// <param name="Manifest">The run's manifest.</param>
/// <param name="ModelIds">Completions per model id the provider reported.</param>
/// <param name="Generations">Generation 0 (the seed) onwards.</param>
/// <param name="Transfer">The transfer table, when the run has one.</param>
public sealed partial record RunReportModel(
    string Path,
    string Label,
    RunManifest Manifest,
    IReadOnlyDictionary<string, int> ModelIds,
    IReadOnlyList<GenerationReport> Generations,
    TransferTable? Transfer)
{
    /// <summary>What the report says when the provider reported no model id.</summary>
    public const string NoModelId = "(none reported)";

    /// <summary>True when more than one model answered: the model did not stay fixed.</summary>
    public bool ModelChanged => ModelIds.Count > 1;

    /// <summary>
    /// Reads a run directory; costs come from <paramref name="prices"/> (none known by default). Improvers' strategies
    /// are read by <paramref name="strategies"/>; by default, in an admission process, since their text is a model's.
    /// </summary>
    public static RunReportModel Load(string directory, PriceTable? prices = null, StrategyReader? strategies = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        prices ??= PriceTable.Empty;
        using var isolated = strategies is null ? StrategyReader.Isolated() : null;
        var reader = strategies ?? isolated!;
        using var run = RunDirectory.Open(directory, forWriting: false);
        var manifest = run.ReadManifest();
        var events = RunDirectory.ReadEvents(run.EventsPath);
        var cassette = CassetteFile.Read(run.CassettePath);
        var modelIds = cassette.GroupBy(c => c.ModelId ?? NoModelId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var generations = new List<GenerationReport>();
        foreach (var decided in events.OfType<GenerationDecided>().OrderBy(g => g.Generation))
        {
            var parent = generations.LastOrDefault();
            generations.Add(Generation(run, decided, parent, events, cassette, prices, reader));
        }
        var label = System.IO.Path.GetFileName(run.Path.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        return new RunReportModel(run.Path, label, manifest, modelIds, generations, TransferTable.Read(run.Path));
    }

    private static GenerationReport Generation(
        RunDirectory run, GenerationDecided decided, GenerationReport? parent, IReadOnlyList<RunEvent> events,
        IReadOnlyList<CassetteEntry> cassette, PriceTable prices, StrategyReader reader)
    {
        var k = decided.Generation;
        var prefix = $"g{k}/";
        var mine = events.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var executions = mine.Where(e => e is SolutionScored or ImproverRan).ToList();
        var verdicts = executions.Select(Verdict).GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var candidateKeys = k == 0
            ? ["g0/eval"]
            : mine.OfType<MetaUtilityScored>().Select(m => m.Key).Where(key => CandidateKey().IsMatch(key[prefix.Length..])).ToList();

        var source = Source(run, k, decided.Proposed ?? decided.Chosen);
        var strategies = source is null ? new StrategyReading([], null) : reader.Read(source);
        ImproverDiff? diff = null;
        StrategyChange? change = null;
        if (parent is not null && source is not null && Source(run, parent.Generation, parent.Chosen) is { } parentSource)
        {
            diff = UnifiedDiff.Compute(
                new DiffSide($"gen_{parent.Generation}.csx", parentSource, parent.Val),
                new DiffSide(decided.Accepted ? $"gen_{k}.csx" : $"proposed_{k}.csx", source, ProposedVal(decided, mine)));
            change = StrategyReading.Change(reader.Read(parentSource), strategies);
        }

        return new GenerationReport(
            k, decided.Val, decided.Test, decided.Proposed, decided.Chosen, decided.Accepted, decided.Reason,
            ProposedVal(decided, mine), candidateKeys.Count, verdicts,
            Tokens(cassette.Where(c => FirstSegment(c.Position) == $"g{k}").ToList(), prices),
            Sandbox(executions, candidateKeys, mine),
            diff, strategies.Strategies, strategies.Unread, change);
    }

    private static double? ProposedVal(GenerationDecided decided, List<RunEvent> mine) =>
        decided.Proposed is null
            ? decided.Val
            : mine.OfType<MetaUtilityScored>().FirstOrDefault(m => m.Improver == decided.Proposed)?.Val;

    private static SandboxActivity Sandbox(List<RunEvent> executions, IReadOnlyList<string> candidateKeys, List<RunEvent> mine)
    {
        var refusals = executions.SelectMany(Refused).GroupBy(c => c, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var attempts = new List<CircumventionAttempt>();
        foreach (var key in candidateKeys)
        {
            var runs = mine.OfType<ImproverRan>().Where(r => r.Key.StartsWith(key + "/m", StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal);
            if (runs.Select(r => (Run: r, Attempt: Circumvention.Attempt(r))).FirstOrDefault(a => a.Attempt is not null) is { Attempt: { } attempt } found)
            {
                attempts.Add(new CircumventionAttempt(key, found.Run.Candidate, attempt, found.Run.Reason));
            }
        }
        return new SandboxActivity(executions.Count, refusals, candidateKeys.Count, attempts);
    }

    private static TokenUsage Tokens(List<CassetteEntry> entries, PriceTable prices)
    {
        decimal? cost = 0m;
        foreach (var entry in entries)
        {
            cost = prices.Cost(entry.ModelId, entry.InputTokens ?? 0, entry.OutputTokens ?? 0) is { } c && cost is { } sum ? sum + c : null;
        }
        return new TokenUsage(entries.Count, entries.Sum(e => e.InputTokens ?? 0), entries.Sum(e => e.OutputTokens ?? 0), cost);
    }

    private static string? Source(RunDirectory run, int generation, string hash)
    {
        var candidate = System.IO.Path.Combine(run.Path, "candidates", hash + ".csx");
        if (File.Exists(candidate))
        {
            return File.ReadAllText(candidate);
        }
        var file = System.IO.Path.Combine(run.Path, "generations", $"gen_{generation}.csx");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    private static string Verdict(RunEvent e) => e switch
    {
        SolutionScored s => s.Verdict,
        ImproverRan r => r.Verdict,
        _ => "",
    };

    private static IEnumerable<string> Refused(RunEvent e) => e switch
    {
        SolutionScored s => s.Refused,
        ImproverRan r => r.Refused,
        _ => [],
    };

    private static string FirstSegment(string position)
    {
        var slash = position.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? position : position[..slash];
    }

    [GeneratedRegex(@"^u\d+$")]
    private static partial Regex CandidateKey();
}
