using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Stop.Cli.Output;
using Stop.Runs.Diffs;
using Stop.Runs.Strategies;

namespace Stop.Cli.Verbs;

/// <summary>
/// <c>stop diff FILE_A FILE_B</c> or <c>stop diff RUN_DIR --from 0 --to 2</c>: the unified diff of two improvers,
/// the strategies detected in each, and which strategies the newer one added or removed.
/// </summary>
internal static class DiffVerb
{
    private const int UsageError = 2;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Two improver files, or one run directory holding generations/gen_<k>.csx.",
            Arity = new ArgumentArity(1, 2),
        };
        var from = new Option<int?>("--from") { Description = "With a run directory: the older generation." };
        var to = new Option<int?>("--to") { Description = "With a run directory: the newer generation." };
        var command = new Command("diff", "Diff two improvers and name the strategies each one uses.");
        command.Arguments.Add(paths);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(parse =>
        {
            try
            {
                var (older, newer) = Sides(parse.GetValue(paths) ?? [], parse.GetValue(from), parse.GetValue(to));
                Print(older, newer);
                return 0;
            }
            catch (UsageException error)
            {
                Console.Error.WriteLine($"stop diff: {error.Message}");
                return UsageError;
            }
        });
        return command;
    }

    private static (DiffSide Older, DiffSide Newer) Sides(string[] paths, int? from, int? to)
    {
        if (paths.Length == 2)
        {
            if (from is not null || to is not null)
            {
                throw new UsageException("--from and --to go with a run directory, not with two files");
            }
            return (ReadFile(paths[0]), ReadFile(paths[1]));
        }
        var run = paths[0];
        if (!Directory.Exists(run))
        {
            throw new UsageException(File.Exists(run)
                ? $"give two improver files, or a run directory with --from and --to (got only {run})"
                : $"no such run directory: {run}");
        }
        if (from is not { } older || to is not { } newer)
        {
            throw new UsageException("a run directory needs both --from and --to generation numbers");
        }
        return (ReadGeneration(run, older), ReadGeneration(run, newer));
    }

    private static DiffSide ReadFile(string path) => File.Exists(path)
        ? new DiffSide(Path.GetFileName(path), File.ReadAllText(path))
        : throw new UsageException($"no such file: {path}");

    private static DiffSide ReadGeneration(string run, int generation)
    {
        var name = $"gen_{generation}";
        var path = Path.Combine(run, "generations", name + ".csx");
        if (generation < 0 || !File.Exists(path))
        {
            throw new UsageException($"generation {generation} not found: no {Path.Combine("generations", name + ".csx")} in {run}");
        }
        return new DiffSide(name + ".csx", File.ReadAllText(path), MetaUtility(Path.Combine(run, "generations", name + ".meta.json")));
    }

    // Until run summaries carry meta-utilities, a generation may have them in gen_<k>.meta.json.
    private static double? MetaUtility(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("metaUtility", out var value)
                && value.ValueKind == JsonValueKind.Number
                    ? value.GetDouble()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Print(DiffSide older, DiffSide newer)
    {
        var diff = UnifiedDiff.Compute(older, newer);
        // The improvers' text is a model's: its parse costs an admission process, never this one.
        using var reader = StrategyReader.Isolated();
        var olderStrategies = reader.Read(older.Source);
        var newerStrategies = reader.Read(newer.Source);
        var change = StrategyReading.Change(olderStrategies, newerStrategies);
        var color = !Console.IsOutputRedirected;

        foreach (var line in UnifiedDiffRenderer.Render(diff).Split('\n')[..^1])
        {
            Write(line, color ? DiffStyle(line) : null);
        }
        if (diff.IsEmpty)
        {
            Write("(no differences)", color ? "grey" : null);
        }
        Write("", null);
        WriteStrategies($"a/{older.Label}", olderStrategies, color);
        WriteStrategies($"b/{newer.Label}", newerStrategies, color);
        if (change is null)
        {
            Write("added:   (unknown: not both read)", color ? "grey" : null);
            Write("removed: (unknown: not both read)", color ? "grey" : null);
            return;
        }
        Write($"added:   {Names(change.Added)}", color && change.Added.Count > 0 ? "green" : null);
        Write($"removed: {Names(change.Removed)}", color && change.Removed.Count > 0 ? "red" : null);
    }

    private static void WriteStrategies(string label, StrategyReading reading, bool color)
    {
        Write($"strategies in {label}:", color ? "bold" : null);
        if (reading.Unread is { } unread)
        {
            Write($"  (not read: {unread})", color ? "grey" : null);
            return;
        }
        var strategies = reading.Strategies;
        if (strategies.Count == 0)
        {
            Write("  (none detected)", color ? "grey" : null);
        }
        foreach (var strategy in strategies)
        {
            Write($"  {strategy.Strategy.DisplayName()}, line {strategy.Line.ToString(CultureInfo.InvariantCulture)}: {strategy.Evidence}", null);
        }
    }

    private static string Names(IReadOnlyList<ImproverStrategy> strategies) =>
        strategies.Count == 0 ? "(none)" : string.Join(", ", strategies.Select(s => s.DisplayName()));

    private static string? DiffStyle(string line) => line switch
    {
        _ when line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) => "bold",
        _ when line.StartsWith("@@", StringComparison.Ordinal) => "cyan",
        _ when line.StartsWith('+') => "green",
        _ when line.StartsWith('-') => "red",
        _ => null,
    };

    // Plain ANSI codes rather than Spectre markup: markup wraps long lines at the terminal's width, which garbles a diff.
    // The lines hold a model's text: its own escape sequences are shown, not obeyed.
    private static void Write(string line, string? style) =>
        Console.WriteLine(style is null ? TerminalText.Safe(line) : $"\e[{Ansi(style)}m{TerminalText.Safe(line)}\e[0m");

    private static string Ansi(string style) => style switch
    {
        "bold" => "1",
        "red" => "31",
        "green" => "32",
        "cyan" => "36",
        _ => "90",
    };

    private sealed class UsageException(string message) : Exception(message);
}
