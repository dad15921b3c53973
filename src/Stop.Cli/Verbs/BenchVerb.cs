using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Stop.Models.Bench;
using Stop.Runs.Bench;
using Stop.Sandbox.Bench;

namespace Stop.Cli.Verbs;

/// <summary><c>stop bench [--json] [--quick] [--verbose]</c>: measure the candidate pipeline and the model client on this machine.</summary>
internal static class BenchVerb
{
    private const double ModelLatencyTarget = 1.5;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output; progress goes to standard error." };
        var quick = new Option<bool>("--quick") { Description = "Fewer candidates: about half a minute instead of one or two." };
        var verbose = new Option<bool>("--verbose") { Description = "Also show where admission time goes, phase by phase." };
        var command = new Command("bench", "Measure admission, sandboxed throughput, host memory, end-to-end candidates per second and model latency.\n"
            + "Each headline figure is a ratio of two measurements taken in the same run.")
        {
            json, quick, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BenchOptions
            {
                Quick = parse.GetValue(quick),
                Verbose = parse.GetValue(verbose),
                Progress = line => Console.Error.WriteLine(line),
            };
            var report = await new PipelineBench(options).RunAsync(cancellationToken);
            var latency = options.Quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromMilliseconds(500);
            Console.Error.WriteLine($"model latency: a Prompt and a BatchPrompt of 6 completions against a fake server at {latency.TotalMilliseconds:0} ms");
            // The first call pays for JIT and the loopback connection, which is no part of a model call's latency.
            await LatencyBench.MeasureAsync(2, TimeSpan.FromMilliseconds(10), cancellationToken);
            var model = await LatencyBench.MeasureAsync(6, latency, cancellationToken);
            var metaLatency = options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);
            Console.Error.WriteLine($"meta-utility: the seed improver, k = 5 meta-tests of n = 6 completions, against a fake server at {metaLatency.TotalSeconds:0} s");
            var meta = await MetaUtilityBench.MeasureAsync(metaLatency, cancellationToken);
            if (parse.GetValue(json))
            {
                var result = ToJson(report, model);
                result["metaUtilityRatio"] = Round(meta.Ratio);
                result["metaUtilityTarget"] = MetaUtilityBench.Target;
                result["metaUtilitySequentialRatio"] = meta.SequentialRatio;
                result["metaUtilityMs"] = Round(meta.Elapsed.TotalMilliseconds);
                result["metaUtilityLatencyMs"] = meta.Latency.TotalMilliseconds;
                Console.WriteLine(result.ToJsonString());
            }
            else
            {
                Print(report, model, Console.Out);
                Console.WriteLine($"meta-utility ratio   {meta.Ratio:0.00}  ≤ {MetaUtilityBench.Target} × c  {(meta.Passes ? "PASS" : "MISS")}  one evaluation {meta.Elapsed.TotalMilliseconds:0} ms at L {meta.Latency.TotalMilliseconds:0} ms, c = {meta.ChainLength}; STOP's sequential loop ≈ {meta.SequentialRatio} × c × L");
            }
            return 0;
        });
        return command;
    }

    private static double ModelRatio(LatencyBenchResult model) => Math.Max(model.PromptRatio, model.BatchRatio);

    private static JsonObject ToJson(BenchReport r, LatencyBenchResult m) => new()
    {
        ["admissionRatio"] = Round(r.AdmissionRatio),
        ["admissionTarget"] = BenchReport.AdmissionTarget,
        ["admitMedianMs"] = Round(r.AdmitMedianMs),
        ["admitInHostMedianMs"] = Round(r.AdmitInHostMedianMs),
        ["bareEmitMedianMs"] = Round(r.BareEmitMedianMs),
        ["throughputRatio"] = Round(r.ThroughputRatio),
        ["throughputTarget"] = BenchReport.ThroughputTarget,
        ["sandboxedCandidatesPerSecond"] = Round(r.SandboxedPerSecond),
        ["inProcessCandidatesPerSecond"] = Round(r.InProcessPerSecond),
        ["memoryGrowthMb"] = Round(r.MemoryGrowthMb),
        ["workingSetGrowthMb"] = Round(r.WorkingSetGrowthMb),
        ["memoryTargetMb"] = BenchReport.MemoryTargetMb,
        ["candidatesPerSecond"] = Round(r.CandidatesPerSecond),
        ["candidatesPerSecondCold"] = Round(r.ColdCandidatesPerSecond),
        ["candidatesPerSecondRatio"] = Round(r.CandidatesPerSecond / BenchReport.PythonReferencePerSecond),
        ["endToEndCandidates"] = r.EndToEndCandidates,
        ["parallelism"] = r.Parallelism,
        ["pythonReferenceCandidatesPerSecond"] = BenchReport.PythonReferencePerSecond,
        ["pythonReferenceMeasured"] = false,
        ["modelLatencyRatio"] = Round(ModelRatio(m)),
        ["modelLatencyTarget"] = ModelLatencyTarget,
        ["modelLatencyMs"] = m.Latency.TotalMilliseconds,
        ["promptMs"] = Round(m.PromptElapsed.TotalMilliseconds),
        ["batchPromptMs"] = Round(m.BatchElapsed.TotalMilliseconds),
        ["modelCompletions"] = m.Completions,
        ["admissionPhasesMs"] = new JsonObject(r.AdmissionPhases.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Round(p.Value)))),
    };

    private static void Print(BenchReport r, LatencyBenchResult m, TextWriter output)
    {
        var rows = new List<string[]>
        {
            new[] { "figure", "measured", "target", "", "absolute" },
            Row("admission ratio", r.AdmissionRatio, $"≤ {BenchReport.AdmissionTarget}", r.AdmissionPasses,
                $"admit {r.AdmitMedianMs:0.0} ms in an admission process ({r.AdmitInHostMedianMs:0.0} ms in the host), bare emit {r.BareEmitMedianMs:0.0} ms (medians)"),
            Row("throughput ratio", r.ThroughputRatio, $"≥ {BenchReport.ThroughputTarget}", r.ThroughputPasses,
                $"sandboxed {r.SandboxedPerSecond:0.0}/s, in-process {r.InProcessPerSecond:0.0}/s"),
            Row("memory growth MB", r.MemoryGrowthMb, $"< {BenchReport.MemoryTargetMb}", r.MemoryPasses,
                $"over {2 * r.EndToEndCandidates} admissions; working set {r.WorkingSetGrowthMb:+0.0;-0.0} MB"),
            Row("candidates/s", r.CandidatesPerSecond, $"≥ {BenchReport.PythonReferencePerSecond} (Python)", r.CandidatesPerSecond >= BenchReport.PythonReferencePerSecond,
                $"warm: a second pass of {r.EndToEndCandidates} distinct, parallelism {r.Parallelism}; STOP's scorer measured apart (README)"),
            Row("  first pass", r.ColdCandidatesPerSecond, $"≥ {BenchReport.PythonReferencePerSecond} (Python)", r.ColdCandidatesPerSecond >= BenchReport.PythonReferencePerSecond,
                $"the first {r.EndToEndCandidates}, from a fresh sandbox"),
            Row("model latency ratio", ModelRatio(m), $"≈ 1 (≤ {ModelLatencyTarget})", ModelRatio(m) <= ModelLatencyTarget,
                $"L {m.Latency.TotalMilliseconds:0} ms: Prompt×{m.Completions} {m.PromptElapsed.TotalMilliseconds:0} ms, BatchPrompt×{m.Completions} {m.BatchElapsed.TotalMilliseconds:0} ms"),
        };
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Take(4).Select((cell, c) => cell.PadRight(widths[c]))) + "  " + row[4]);
        }
        if (r.AdmissionPhases.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("admission phases (median ms): " + string.Join(", ", r.AdmissionPhases.Select(p => $"{p.Key} {p.Value:0.00}")));
        }
    }

    private static string[] Row(string name, double value, string target, bool? passes, string absolute) =>
        [name, value.ToString("0.00", CultureInfo.InvariantCulture), target, passes switch { true => "PASS", false => "MISS", null => "" }, absolute];

    private static double Round(double value) => Math.Round(value, 3);
}
