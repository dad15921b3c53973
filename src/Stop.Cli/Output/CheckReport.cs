using System.Text.Json;
using System.Text.Json.Serialization;
using Stop.Sandbox;

namespace Stop.Cli.Output;

/// <summary>What <c>stop check</c> prints about one evaluation.</summary>
internal sealed record CheckReport(
    string Task,
    string Split,
    double Score,
    string Verdict,
    string Reason,
    int Instances,
    long Fuel,
    double WallMs,
    string DecidedBy,
    string Candidate,
    IReadOnlyList<string> Diagnostics,
    string Console)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static CheckReport From(Evaluation e) => new(
        e.Task, e.Split, e.Score, e.Verdict.ToWord(), e.Reason, e.Instances.Count, e.Fuel, Math.Round(e.WallMs, 1),
        e.DecidedBy.ToString(), e.CandidateHash, e.Diagnostics, e.Console);

    public static void Print(Evaluation e, TextWriter output)
    {
        output.WriteLine($"task      {e.Task} ({e.Split})");
        output.WriteLine($"score     {e.Score:0.######}");
        // Reasons, diagnostics and console output can hold the candidate's own text: shown, not obeyed.
        output.WriteLine($"verdict   {e.Verdict.ToWord()}: {TerminalText.Safe(e.Reason)}");
        output.WriteLine($"instances {e.Instances.Count}");
        output.WriteLine($"fuel      {e.Fuel:N0}");
        output.WriteLine($"wall      {e.WallMs:0} ms");
        if (e.DecidedBy != Sandbox.DecidedBy.Counted)
        {
            output.WriteLine($"decided   by the {e.DecidedBy} (not reproducible bit for bit)");
        }
        foreach (var diagnostic in e.Diagnostics.Skip(1))
        {
            output.WriteLine($"          {TerminalText.Safe(diagnostic)}");
        }
        if (e.Console.Length > 0)
        {
            output.WriteLine("console output:");
            output.WriteLine(TerminalText.Safe(e.Console.TrimEnd()));
        }
    }
}
