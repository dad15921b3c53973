using System.Text.Json;

namespace Stop.Reports.Transfer;

/// <summary>
/// How an improved improver transfers to other tasks: for each task, the utility of the seed solution, the
/// meta-utility of the seed improver and that of the improved improver. <c>stop eval</c> writes it to
/// <c>transfer.json</c> in the run directory.
/// </summary>
public sealed record TransferTable(IReadOnlyList<TransferRow> Tasks)
{
    /// <summary>The file name in a run directory.</summary>
    public const string FileName = "transfer.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The table in <paramref name="runDirectory"/>, or null when the run has none.</summary>
    public static TransferTable? Read(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        return JsonSerializer.Deserialize<TransferTable>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Writes the table into <paramref name="runDirectory"/>.</summary>
    public void Write(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        File.WriteAllText(Path.Combine(runDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }
}

/// <summary>One task of a <see cref="TransferTable"/>: u(seed solution), û(seed improver), û(improved improver).</summary>
public sealed record TransferRow(string Task, double SeedSolution, double SeedImprover, double ImprovedImprover);
