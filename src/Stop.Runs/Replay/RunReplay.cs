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
    public static Task<ReplayReport> CheckAsync(string recordedDirectory, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken) =>
        ReplayAsync(recordedDirectory, rescoreBecause: null, sandboxOptions, progress, cancellationToken);

    /// <summary>
    /// <c>stop replay --rescore</c>: replays the run and, when every request is the one recorded (so every response is
    /// the run's own) and the task's instances and candidate sources are unchanged, replaces its events with the
    /// replayed ones and notes <paramref name="why"/> in its manifest. For a deliberate change to what Stop computes
    /// from the same responses (fuel counting, say); anything the model would have been asked differently is refused.
    /// </summary>
    public static Task<ReplayReport> RescoreAsync(string recordedDirectory, string why, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        return ReplayAsync(recordedDirectory, why, sandboxOptions, progress, cancellationToken);
    }

    private static async Task<ReplayReport> ReplayAsync(
        string recordedDirectory, string? rescoreBecause, SandboxOptions sandboxOptions, IRunProgress progress, CancellationToken cancellationToken)
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

        if (rescoreBecause is not null && divergences.Count > 0)
        {
            // Other instances or edited sources would make it another run, not this one re-scored.
            return new ReplayReport(divergences, [], recorded.Recorded.Count, 0);
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
            var changed = new Dictionary<string, RunEvent>();
            var unreached = 0;
            foreach (var expected in RunDirectory.ReadEvents(recorded.EventsPath))
            {
                if (!replayed.Remove(expected.Key, out var actual))
                {
                    divergences.Add($"{expected.Key}: recorded, but the replay never reached it");
                    unreached++;
                    continue;
                }
                var (was, now) = (Comparable(expected), Comparable(actual));
                if (was == now)
                {
                    continue;
                }
                changed[expected.Key] = actual;
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
            var sameEvents = unreached == 0 && replayed.Count == 0;
            divergences.AddRange(replayed.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}: the replay did this, the recorded run did not"));
            if (rescoreBecause is not null && sameEvents && changed.Count > 0)
            {
                // Every request matched and every recorded event was reached: only what Stop computed differs.
                recorded.Rescore(changed, new Rescoring(DateTimeOffset.UtcNow, RunLauncher.StopVersion, changed.Count, rescoreBecause));
                return new ReplayReport([], [], recorded.Recorded.Count, recorded.Recorded.Count) { Rescored = changed.Count };
            }
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

    /// <summary>With <c>--rescore</c>: how many events were rewritten (0 when the run was already identical).</summary>
    public int Rescored { get; init; }
}
