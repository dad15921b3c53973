using System.Text.Json;
using Stop.Models.Cassette;
using Stop.Runs.RunDirectories;
using Stop.Runs.SelfImprovement;
using Stop.Sandbox;
using Stop.Sandbox.Admission;
using Stop.Tasks;

namespace Stop.Runs.Replay;

/// <summary>
/// <c>stop replay</c>: re-executes a recorded run from its cassette, in fresh workers, and checks that every
/// candidate's source, verdict and score and every decision is what was recorded.
/// </summary>
public static class RunReplay
{
    public static async Task<ReplayReport> CheckAsync(string recordedDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        using var recorded = RunDirectory.Open(recordedDirectory, forWriting: false);
        var manifest = recorded.ReadManifest();
        var divergences = new List<string>();

        var task = TaskCatalog.Get(manifest.Options.Task);
        foreach (var (name, hash) in RunLauncher.InstanceHashes(task))
        {
            if (!manifest.TaskInstanceHashes.TryGetValue(name, out var expected) || expected != hash)
            {
                divergences.Add($"task instances {name}: recorded {expected ?? "none"}, generated now {hash} (the scorer's instances changed)");
            }
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(recorded.Path, "candidates"), "*.csx"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var actual = CandidateCompiler.HashOf(File.ReadAllText(file));
            if (actual != name)
            {
                divergences.Add($"candidate {name}: its stored source now hashes to {actual} (edited)");
            }
        }

        var scratch = Path.Combine(Path.GetTempPath(), "stop-replay-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            try
            {
                await RunLauncher.ReexecuteAsync(recorded.Path, scratch, sandboxOptions, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ReplayDivergenceException exception)
            {
                divergences.Add($"request at {exception.Position}: {string.Join("; ", exception.Differences)}");
                return new ReplayReport(divergences, [], recorded.Recorded.Count, 0);
            }
            catch (ReplayMissException exception)
            {
                divergences.Add($"request at {exception.Position}: the replay asked for it, but the cassette has no answer there");
                return new ReplayReport(divergences, [], recorded.Recorded.Count, 0);
            }

            var replayed = RunDirectory.ReadEvents(Path.Combine(scratch, "events.jsonl")).ToDictionary(e => e.Key);
            var undecidable = new List<string>();
            foreach (var expected in RunDirectory.ReadEvents(recorded.EventsPath))
            {
                if (!replayed.Remove(expected.Key, out var actual))
                {
                    divergences.Add($"{expected.Key}: recorded, but the replay never reached it");
                    continue;
                }
                var (was, now) = (Comparable(expected), Comparable(actual));
                if (was == now)
                {
                    continue;
                }
                var line = $"{expected.Key}: recorded {was}, replayed {now}";
                if (DecidedByBackstop(expected) || DecidedByBackstop(actual))
                {
                    undecidable.Add(line);
                }
                else
                {
                    divergences.Add(line);
                }
            }
            divergences.AddRange(replayed.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}: the replay did this, the recorded run did not"));
            return new ReplayReport(divergences, undecidable, recorded.Recorded.Count, recorded.Recorded.Count - divergences.Count);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // Leave the scratch copy; it is in the temporary folder.
            }
        }
    }

    private static bool DecidedByBackstop(RunEvent e) => e switch
    {
        SolutionScored s => s.DecidedBy != nameof(DecidedBy.Counted),
        ImproverRan r => r.DecidedBy != nameof(DecidedBy.Counted),
        _ => false,
    };

    /// <summary>The event as JSON without its timing, the one field that is never the same twice.</summary>
    private static string Comparable(RunEvent e)
    {
        var node = JsonSerializer.SerializeToNode(e, RunDirectory.Json)!.AsObject();
        node.Remove("wallMs");
        return node.ToJsonString();
    }
}

/// <summary>What a replay found: divergences (the first is the one to read), outcomes only a backstop decided, and counts.</summary>
public sealed record ReplayReport(IReadOnlyList<string> Divergences, IReadOnlyList<string> DecidedByBackstop, int RecordedEvents, int MatchingEvents)
{
    public bool Identical => Divergences.Count == 0;
}
