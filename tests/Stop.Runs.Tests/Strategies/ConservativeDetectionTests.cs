using Stop.Runs.Strategies;

namespace Stop.Runs.Tests.Strategies;

public sealed class ConservativeDetectionTests
{
    [Fact]
    public void Detect_FindsNothing_InTextNestedTooDeepToParse_AndKeepsTheHost()
    {
        // Model output is parsed in the host here; Roslyn's parser recurses over nesting.
        var source = "string ImproveAlgorithm(string s0, Utility u, LanguageModel m) => " + new string('(', 100_000) + "s0" + new string(')', 100_000) + ";";

        Assert.Empty(StrategyDetector.Detect(source));
    }

    [Fact]
    public void Detect_ReportsNoAnnealing_WhenTheTemperatureNeverFalls()
    {
        const string source = """
            string ImproveAlgorithm(string s0, Utility u, LanguageModel m)
            {
                var r = new Random(1);
                var s = s0;
                var q = u.Score(s);
                const double t = 0.5;
                for (var i = 0; i < 5; i++)
                {
                    var c = Code.Extract(m.Prompt("e", s, 1, 0.7)[0]);
                    var qc = u.Score(c);
                    if (r.NextDouble() < Math.Exp((qc - q) / t))
                    {
                        s = c;
                        q = qc;
                    }
                }
                return s;
            }
            """;

        Assert.Empty(StrategyDetector.Detect(source));
    }

    [Fact]
    public void Detect_ReportsNoTemperatureSchedule_WhenTheTemperatureIsRandomRatherThanScheduled()
    {
        const string source = """
            string ImproveAlgorithm(string s0, Utility u, LanguageModel m)
            {
                var r = new Random(1);
                var all = new List<string>();
                for (var i = 0; i < 3; i++)
                {
                    all.Add(Code.Extract(m.Prompt("e", s0, 1, r.NextDouble())[0]));
                }
                return all.MaxBy(u.Score)!;
            }
            """;

        Assert.Empty(StrategyDetector.Detect(source));
    }
}
