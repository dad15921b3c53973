using Stop.Models.Testing;

namespace Stop.Reports.Tests.Fixtures;

/// <summary>
/// What the fake OpenAI-compatible server answers: improvers (some hostile) when asked to improve an improver,
/// parity solutions otherwise. A trimmed copy of the Runs tests' script, so the report sees every verdict.
/// </summary>
internal sealed class ScriptedModel
{
    private const string GoodSolution = """
        Here is a solver that tries every parity mask.
        ```csharp
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var n = trainSamples[0].Length;
            var bestMask = 0;
            var bestAgree = -1;
            for (var mask = 0; mask < (1 << n); mask++)
            {
                var agree = 0;
                for (var i = 0; i < trainSamples.Length; i++)
                {
                    var p = 0;
                    for (var b = 0; b < n; b++) { if (((mask >> b) & 1) == 1) { p ^= trainSamples[i][b]; } }
                    if (p == trainParity[i]) { agree++; }
                }
                if (agree > bestAgree) { bestAgree = agree; bestMask = mask; }
            }
            return testSamples.Select(s => Parity(s, bestMask)).ToArray();
        }

        int Parity(int[] sample, int mask)
        {
            var p = 0;
            for (var b = 0; b < sample.Length; b++) { if (((mask >> b) & 1) == 1) { p ^= sample[b]; } }
            return p;
        }
        ```
        """;

    private const string ConstantSolution = """
        ```csharp
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) => new int[testSamples.Length];
        ```
        """;

    private const string GoodImprover = """
        The idea: keep the incumbent and only move to a response that scores higher.
        ```csharp
        string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
        {
            // Ask for a few rewrites at once; "best" starts as the incumbent.
            var message = $"Improve this solution:\n```csharp\n{initialSolution}\n```\nIt is scored by:\n```csharp\n{utility.Source}\n```";
            var best = initialSolution;
            var bestScore = utility.Score(initialSolution);
            foreach (var response in languageModel.Prompt("You are an expert programmer.", message, Math.Min(languageModel.MaxResponsesPerCall, 3), 0.4))
            {
                var candidate = Code.Extract(response);
                var score = utility.Score(candidate);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }
            return best;
        }
        ```
        """;

    private static readonly string[] BadImprovers =
    [
        // Does not compile.
        "```csharp\nstring ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel) { return initialSolution\n```",
        // Overruns its call budget.
        "```csharp\nstring ImproveAlgorithm(string s, Utility u, LanguageModel m) { for (var i = 0; i < 50; i++) { m.Prompt(\"x\", \"y\"); } return s; }\n```",
        // Returns garbage, with a hostile string the report must escape.
        "```csharp\nstring ImproveAlgorithm(string s, Utility u, LanguageModel m) => \"</script><script>alert(1)</script> see https://evil.example/x\";\n```",
        // Tries a refused API.
        "```csharp\nstring ImproveAlgorithm(string s, Utility u, LanguageModel m) => System.IO.File.ReadAllText(\"/etc/passwd\");\n```",
    ];

    private int improverRequests;
    private int solutionRequests;

    public FakeChatReply Answer(FakeChatRequest request) =>
        FakeChatReply.Completion(request.User?.Contains("double MetaUtility(", StringComparison.Ordinal) == true
            ? Improver(Interlocked.Increment(ref improverRequests) - 1)
            : Solution(Interlocked.Increment(ref solutionRequests) - 1));

    private static string Improver(int k) => k % 5 < BadImprovers.Length ? BadImprovers[k % 5] : GoodImprover;

    private static string Solution(int k) => k % 2 == 0 ? GoodSolution : ConstantSolution;
}
