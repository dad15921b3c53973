using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Stop.Models.Providers;

namespace Stop.Runs.RunDirectories;

/// <summary>
/// A run on disk, human-readable and append-only: <c>manifest.json</c>, the cassette, <c>candidates/</c>
/// (every source by content hash), <c>events.jsonl</c>, <c>generations/gen_K.csx</c> with
/// <c>gen_K.meta.json</c>, and <c>summary.md</c>. Nothing written is rewritten: a resumed run appends only
/// what the earlier attempt did not record.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    // A manifest with a field missing or null is refused as it is read, not met later as a NullReferenceException.
    private static readonly JsonSerializerOptions ManifestJson = new(Json) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    private readonly ConcurrentDictionary<string, RunEvent> recorded = new();
    private readonly Lock writeLock = new();
    private StreamWriter? events;

    private RunDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    public string ManifestPath => System.IO.Path.Combine(Path, "manifest.json");

    public string CassettePath => System.IO.Path.Combine(Path, ModelStack.CassetteFileName);

    public string EventsPath => System.IO.Path.Combine(Path, "events.jsonl");

    public string SummaryPath => System.IO.Path.Combine(Path, "summary.md");

    /// <summary>Events already on disk, by key.</summary>
    public IReadOnlyDictionary<string, RunEvent> Recorded => recorded;

    /// <summary>Creates a new run directory; refuses one that already holds a run.</summary>
    public static RunDirectory Create(string path, RunManifest manifest)
    {
        var directory = new RunDirectory(path);
        if (File.Exists(directory.ManifestPath))
        {
            throw new IOException($"{directory.Path} already holds a run; continue it with --resume {path}, or choose another --out.");
        }
        Directory.CreateDirectory(directory.Path);
        File.WriteAllText(directory.ManifestPath, JsonSerializer.Serialize(manifest, Indented) + "\n");
        directory.OpenEvents();
        return directory;
    }

    /// <summary>Opens an existing run to continue it or read it.</summary>
    public static RunDirectory Open(string path, bool forWriting)
    {
        var directory = new RunDirectory(path);
        if (!File.Exists(directory.ManifestPath))
        {
            throw new FileNotFoundException($"{directory.Path} holds no run (no manifest.json).", directory.ManifestPath);
        }
        foreach (var e in ReadEvents(directory.EventsPath))
        {
            directory.recorded.TryAdd(e.Key, e);
        }
        if (forWriting)
        {
            directory.OpenEvents();
        }
        return directory;
    }

    /// <summary>
    /// The one rewrite a run takes: recorded events replaced by those a replay of its own cassette computed, each in
    /// its place and keeping its recorded timing, and the manifest noting it (<see cref="Rescoring"/>). Only for a
    /// run opened to read, whose replay matched every request.
    /// </summary>
    public void Rescore(IReadOnlyDictionary<string, RunEvent> replacements, Rescoring note)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var lines = File.ReadAllLines(EventsPath);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || JsonNode.Parse(lines[i]) is not JsonObject recorded
                || !replacements.TryGetValue(recorded["key"]?.GetValue<string>() ?? "", out var replacement))
            {
                continue;
            }
            var rewritten = JsonSerializer.SerializeToNode(replacement, Json)!.AsObject();
            if (recorded["wallMs"] is { } wallMs)
            {
                rewritten["wallMs"] = wallMs.DeepClone();
            }
            lines[i] = rewritten.ToJsonString(Json);
        }
        File.WriteAllLines(EventsPath, lines);
        var manifest = ReadManifest();
        manifest = manifest with { Rescored = [.. manifest.Rescored ?? [], note] };
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, Indented) + "\n");
    }

    /// <summary>The run's manifest; an <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public RunManifest ReadManifest()
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(ManifestPath), ManifestJson)
                ?? throw new InvalidDataException($"{ManifestPath} is not a run manifest: it is null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{ManifestPath} is not a run manifest: {exception.Message}", exception);
        }
    }

    /// <summary>Reads an event log, skipping a last line cut short by a crash.</summary>
    public static IReadOnlyList<RunEvent> ReadEvents(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var result = new List<RunEvent>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            try
            {
                result.Add(JsonSerializer.Deserialize<RunEvent>(lines[i], Json)!);
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // A crash mid-write leaves a torn last line; everything before it stands.
            }
        }
        return result;
    }

    /// <summary>Appends an event unless one with its key is already recorded (a resumed run re-derives earlier events).</summary>
    public void Append(RunEvent e)
    {
        if (!recorded.TryAdd(e.Key, e) || events is null)
        {
            return;
        }
        lock (writeLock)
        {
            events.WriteLine(JsonSerializer.Serialize(e, Json));
            events.Flush();
        }
    }

    /// <summary>Stores a candidate's source under its content hash (once).</summary>
    public void StoreCandidate(string hash, string code)
    {
        var folder = System.IO.Path.Combine(Path, "candidates");
        var file = System.IO.Path.Combine(folder, hash + ".csx");
        if (File.Exists(file))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, code, new UTF8Encoding(false));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>A stored candidate's source.</summary>
    public string ReadCandidate(string hash) => File.ReadAllText(System.IO.Path.Combine(Path, "candidates", hash + ".csx"));

    /// <summary>Writes generation <paramref name="k"/>'s improver and its meta-utility (once).</summary>
    public void WriteGeneration(int k, string code, GenerationDecided decision)
    {
        var folder = System.IO.Path.Combine(Path, "generations");
        Directory.CreateDirectory(folder);
        var source = System.IO.Path.Combine(folder, $"gen_{k}.csx");
        if (!File.Exists(source))
        {
            File.WriteAllText(source, code, new UTF8Encoding(false));
        }
        var meta = System.IO.Path.Combine(folder, $"gen_{k}.meta.json");
        if (!File.Exists(meta))
        {
            File.WriteAllText(meta, JsonSerializer.Serialize(new { generation = k, metaUtility = decision.Val, test = decision.Test, decision.Chosen, decision.Accepted, decision.Reason }, Indented) + "\n");
        }
    }

    /// <summary>Appends a line to the human summary (once per generation).</summary>
    public void AppendSummary(string line, string header)
    {
        lock (writeLock)
        {
            if (!File.Exists(SummaryPath))
            {
                File.WriteAllText(SummaryPath, header);
            }
            if (!File.ReadAllText(SummaryPath).Contains(line, StringComparison.Ordinal))
            {
                File.AppendAllText(SummaryPath, line + "\n");
            }
        }
    }

    private void OpenEvents() =>
        events = new StreamWriter(new FileStream(EventsPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));

    public void Dispose()
    {
        lock (writeLock)
        {
            events?.Dispose();
            events = null;
        }
    }
}
