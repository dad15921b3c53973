using System.CommandLine;
using Stop.Cli.Output;
using Stop.Runs.Replay;
using Stop.Sandbox;

namespace Stop.Cli.Verbs;

/// <summary><c>stop replay DIR</c>: re-execute a recorded run with no model and check it is identical.</summary>
internal static class ReplayVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "A run directory (with manifest.json, cassette.jsonl, events.jsonl)." };
        var parallelism = new Option<int>("--parallelism") { Description = "Candidates computing at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var rescore = new Option<string?>("--rescore")
        {
            Description = """
                After a deliberate change to what Stop computes from the same responses (how fuel is counted, say):
                if every request replays as recorded, rewrite the run's events with the replayed ones and note WHY
                in its manifest. Refused when any request, task instance or candidate source differs.
                """,
            HelpName = "WHY",
        };
        var command = new Command("replay", """
            Re-execute a recorded run from its cassette, with no model and in fresh workers: recompile and re-score
            every candidate, retake every decision, and check each request is the one recorded at its position.
            Exit 0 when everything is identical; 1 naming the first divergence.
            """)
        {
            directory, parallelism, rescore,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(directory)!;
            if (!File.Exists(Path.Combine(path.FullName, "manifest.json")))
            {
                return Fail.Usage($"{path.FullName} holds no run (no manifest.json)");
            }
            Console.Error.WriteLine($"replaying {path.FullName} from its cassette (no model, no network)…");
            var progress = new LiveProgress(Console.Error);
            var sandbox = new SandboxOptions { Parallelism = Math.Max(1, parse.GetValue(parallelism)) };
            var why = parse.GetValue(rescore);
            if (why is not null && string.IsNullOrWhiteSpace(why))
            {
                return Fail.Usage("--rescore needs a reason, which the manifest keeps");
            }
            var report = why is null
                ? await RunReplay.CheckAsync(path.FullName, sandbox, progress, cancellationToken)
                : await RunReplay.RescoreAsync(path.FullName, why, sandbox, progress, cancellationToken);
            Console.Error.WriteLine();
            if (report.Rescored > 0)
            {
                Console.WriteLine($"rescored: {report.Rescored} of {report.RecordedEvents} events rewritten from the run's own cassette; the manifest says why.");
                return 0;
            }
            foreach (var line in report.DecidedByBackstop)
            {
                Console.WriteLine($"decided by a backstop (not bit-reproducible), reported apart: {TerminalText.Safe(line)}");
            }
            if (report.Identical)
            {
                Console.WriteLine($"identical: {report.RecordedEvents} recorded events (every candidate's source, verdict and score, every decision) replayed the same.");
                return 0;
            }
            // Divergences quote recorded reasons, which can hold a candidate's own text.
            Console.WriteLine($"DIVERGED: {TerminalText.Safe(report.Divergences[0])}");
            foreach (var more in report.Divergences.Skip(1).Take(20))
            {
                Console.WriteLine($"  also: {TerminalText.Safe(more)}");
            }
            return 1;
        });
        return command;
    }
}
