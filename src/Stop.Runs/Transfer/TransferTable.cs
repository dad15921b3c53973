using System.Text.Json;
using Stop.Runs.RunDirectories;

namespace Stop.Runs.Transfer;

/// <summary>
/// The paper's transfer table: for each task, the test-split utility of its seed solution, u(s), and the
/// meta-utility on test of the seed improver, û(I₀), and of the given improver, û(I).
/// </summary>
public sealed record TransferTable(string Improver, string Model, IReadOnlyList<TransferRow> Rows)
{
    public const string FileName = "transfer.json";

    public void Write(string runDirectory) =>
        File.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, new JsonSerializerOptions(RunDirectory.Json) { WriteIndented = true }) + "\n");

    /// <summary>Reads a run's transfer table, or null when it has none.</summary>
    public static TransferTable? Read(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<TransferTable>(File.ReadAllText(path), RunDirectory.Json) : null;
    }
}

/// <summary>One task's row: u(seed solution), û(seed improver), û(improver), all on the test split.</summary>
public sealed record TransferRow(string Task, double SeedSolution, double SeedImprover, double Improver);
