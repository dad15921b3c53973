using System.Text.Json;
using Stop.Sandbox;
using Stop.Sandbox.Admission;

namespace Stop.Runs.Strategies;

/// <summary>
/// Reads the strategies of improvers whose text came from a model, for the reading tools (<c>stop report</c>,
/// <c>stop diff</c>). Detection parses the text with Roslyn, and a few hundred bytes can hold Roslyn's parser for
/// minutes (each level of <c>c ? [c ? [ … ] : 0] : 0</c> doubles its time), so an isolated reader parses in an
/// admission process, under a backstop of its own (<see cref="Backstop"/>) and the admission memory cap
/// (<see cref="TextAnalyser"/>). A text the process could not read within them, or that admission would refuse for its
/// nesting, is reported unread, with the reason, and the tool goes on. Each distinct text is read once.
/// </summary>
public sealed class StrategyReader : IDisposable
{
    /// <summary>The name strategy detection is served under by admission processes (see <see cref="Analyses"/>).</summary>
    public const string AnalysisName = "strategies";

    /// <summary>
    /// How long reading one improver may take. Improvers are read in milliseconds; text that takes longer is built to
    /// hold the parser, and a report of a run with many such texts should not take the admission backstop for each.
    /// </summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);

    private readonly TextAnalyser? analyser;
    private readonly Dictionary<string, StrategyReading> read = new(StringComparer.Ordinal);

    private StrategyReader(TextAnalyser? analyser) => this.analyser = analyser;

    /// <summary>The analyses an admission process serves for the reading tools, by name.</summary>
    public static IReadOnlyDictionary<string, Func<string, string>> Analyses { get; } =
        new Dictionary<string, Func<string, string>>(StringComparer.Ordinal) { [AnalysisName] = Analyse };

    /// <summary>A reader that parses in admission processes started as <paramref name="options"/> say, each text within <paramref name="backstop"/> (default <see cref="Backstop"/>).</summary>
    public static StrategyReader Isolated(SandboxOptions? options = null, TimeSpan? backstop = null) =>
        new(new TextAnalyser(backstop ?? Backstop, options));

    /// <summary>A reader that parses in this process: only for text Stop wrote itself, and for tests.</summary>
    public static StrategyReader InHost() => new(null);

    /// <summary>The strategies in <paramref name="source"/>, or why they could not be read.</summary>
    public StrategyReading Read(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!read.TryGetValue(source, out var reading))
        {
            read[source] = reading = analyser is null ? Detect(source) : ReadApart(analyser, source);
        }
        return reading;
    }

    private static StrategyReading ReadApart(TextAnalyser analyser, string source)
    {
        var analysed = analyser.Analyse(AnalysisName, source);
        if (analysed.Result is null)
        {
            return new StrategyReading([], analysed.Failure ?? "the admission process gave no answer");
        }
        return JsonSerializer.Deserialize<StrategyReading>(analysed.Result) is { Strategies: not null } reading
            ? reading
            : new StrategyReading([], "the admission process gave no strategies");
    }

    /// <summary>Detection as an admission process serves it: the reading as JSON.</summary>
    private static string Analyse(string source) => JsonSerializer.Serialize(Detect(source));

    private static StrategyReading Detect(string source)
    {
        if (CandidateCompiler.NestsTooDeep(source))
        {
            return new StrategyReading([], $"it nests brackets more than {CandidateCompiler.MaxNesting} deep, which admission refuses");
        }
        try
        {
            return new StrategyReading(StrategyDetector.Detect(source), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A text that does not parse as an improver has no strategies to name; the tools still show it.
            return new StrategyReading([], null);
        }
    }

    /// <summary>Leaves the admission process idle for the program's next use.</summary>
    public void Dispose() => analyser?.Dispose();
}

/// <summary>The strategies read in one improver; <paramref name="Unread"/> says why there are none to show when they could not be read.</summary>
public sealed record StrategyReading(IReadOnlyList<DetectedStrategy> Strategies, string? Unread)
{
    /// <summary>The strategies a newer improver gained and dropped, when both were read.</summary>
    public static StrategyChange? Change(StrategyReading older, StrategyReading newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return older.Unread is null && newer.Unread is null ? StrategyChange.Between(older.Strategies, newer.Strategies) : null;
    }
}
