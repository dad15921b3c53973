using Stop.Models.Cassette;
using Stop.Models.Providers;
using Stop.Runs.Configuration;
using Stop.Runs.RunDirectories;

namespace Stop.Reports.Tests.Fixtures;

/// <summary>
/// A tiny run directory written by hand: a seed, one accepted and one rejected generation, a refusal and a
/// budget overrun. Fixed hashes, times and numbers, so what the report renders from it is stable.
/// </summary>
internal static class HandMadeRun
{
    public const string SeedHash = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string BetterHash = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string HostileHash = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    private const string Seed = """
        string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
        {
            var expertise = "You are an expert computer science researcher and programmer.";
            var message = $"Improve the following solution:\n{initialSolution}";
            var solutions = languageModel.Prompt(expertise, message, languageModel.MaxResponsesPerCall, 0.7);
            return solutions.Select(Code.Extract).OrderByDescending(utility.Score).First();
        }
        """;

    private const string Better = """
        string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
        {
            var best = initialSolution;
            var bestScore = utility.Score(best);
            /* refine the incumbent
               a few times */
            for (var round = 0; round < 3; round++)
            {
                var message = $"Improve the following solution:\n{best}";
                var candidate = Code.Extract(languageModel.Prompt("You are an expert.", message, 1, 0.7)[0]);
                var score = utility.Score(candidate);
                if (score > bestScore) { best = candidate; bestScore = score; } // keep the better one
            }
            return best;
        }
        """;

    /// <summary>Writes the run into <paramref name="directory"/>; <paramref name="hostileReason"/> is the rejected generation's reason.</summary>
    public static string Write(string directory, string hostileReason = "rejected: the proposal scored \"0\" on val")
    {
        var options = new RunOptions { Task = "parity_noise", Model = "openai:tiny", Iterations = 2, MetaTests = 2, CallBudget = 1, ResponsesPerCall = 2 };
        var manifest = new RunManifest(
            RunManifest.CurrentFormat, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), options, "openai", "tiny",
            "a hand-written fixture", "test", ".NET", new Dictionary<string, string>(), SeedHash, new Dictionary<string, string>());
        using (var run = RunDirectory.Create(directory, manifest))
        {
            run.StoreCandidate(SeedHash, Seed);
            run.StoreCandidate(BetterHash, Better);
            run.StoreCandidate(HostileHash, "string ImproveAlgorithm(string s, Utility u, LanguageModel m) => System.IO.File.ReadAllText(\"</script><script>alert(1)</script>\");");
            RunEvent[] events =
            [
                new ImproverRan("g0/eval/m0", SeedHash, "ok", "ok", "dddd", 1, "Counted", [], 1, 2, 10),
                new SolutionScored("g0/eval/m0/s0", "dddd", "parity_noise", "val", "ok", "ok", 0.25, 1, "Counted", [], 1),
                new MetaUtilityScored("g0/eval", SeedHash, 0.25, 0.2, [0.25], null, "1 of 1 runs returned a solution"),
                new GenerationDecided("gen0", 0, null, SeedHash, true, "the seed improver", 0.25, 0.2),
                new ImproverRan("g1/self", SeedHash, "ok", "ok", BetterHash, 1, "Counted", [], 1, 2, 10),
                new ImproverRan("g1/u0/m0", BetterHash, "ok", "ok", "eeee", 1, "Counted", [], 1, 2, 10),
                new SolutionScored("g1/u0/m0/s0", "eeee", "parity_noise", "val", "ok", "ok", 0.75, 1, "Counted", [], 1),
                new MetaUtilityScored("g1/u0", BetterHash, 0.75, null, [0.75], null, "1 of 1 runs returned a solution"),
                new ImproverRan("g1/u1/m0", HostileHash, "policy-violation", "line 1: System.IO.File.ReadAllText is refused (files)", null, 0, "Counted", ["Files"], 0, 0, 0),
                new MetaUtilityScored("g1/u1", HostileHash, 0, null, [0], null, "an improver run failed: policy-violation"),
                new ImproverRan("g1/eval/m0", BetterHash, "ok", "ok", "eeee", 1, "Counted", [], 1, 2, 10),
                new SolutionScored("g1/eval/m0/s0", "eeee", "parity_noise", "val", "ok", "ok", 0.75, 1, "Counted", [], 1),
                new MetaUtilityScored("g1/eval", BetterHash, 0.75, 0.7, [0.75], null, "1 of 1 runs returned a solution"),
                new GenerationDecided("gen1", 1, BetterHash, BetterHash, true, "accepted (STOP's rule: meta-utility 0.75 > 0)", 0.75, 0.7),
                new ImproverRan("g2/self", BetterHash, "ok", "ok", HostileHash, 1, "Counted", [], 1, 2, 10),
                new ImproverRan("g2/u0/m0", HostileHash, "runtime-error", "InvalidOperationException: Error: You have exceeded your call budget of 1 language model calls.", null, 3, "Counted", [], 1, 0, 1),
                new MetaUtilityScored("g2/u0", HostileHash, 0, null, [0], null, "an improver run failed: runtime-error"),
                new GenerationDecided("gen2", 2, HostileHash, BetterHash, false, hostileReason, 0.75, 0.7),
            ];
            foreach (var e in events)
            {
                run.Append(e);
            }
            run.WriteGeneration(0, Seed, (GenerationDecided)events[3]);
            run.WriteGeneration(1, Better, (GenerationDecided)events[13]);
            run.WriteGeneration(2, Better, (GenerationDecided)events[^1]);
        }
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        string[] positions = ["g0/eval/m0/call0/k0", "g1/self/call0/k0", "g1/u0/m0/call0/k0", "g2/self/call0/k0", "g2/u0/m0/call0/k0"];
        File.WriteAllLines(Path.Combine(directory, ModelStack.CassetteFileName), positions.Select(p =>
            System.Text.Json.JsonSerializer.Serialize(
                new CassetteEntry(p, [], 0.7, 1024, "tiny", "f", "text", p.StartsWith("g2", StringComparison.Ordinal) ? "tiny-v2" : "tiny-v1", 100, 50, 1, 1, false, at),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))));
        return directory;
    }
}
