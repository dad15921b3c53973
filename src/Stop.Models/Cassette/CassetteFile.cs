using System.Text;
using System.Text.Json;

namespace Stop.Models.Cassette;

/// <summary>Reads cassette files: one <see cref="CassetteEntry"/> per JSON line.</summary>
public static class CassetteFile
{
    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>
    /// The entries of a cassette in the order they were written. A last line cut short by a crash is skipped;
    /// a damaged line anywhere else is an error naming its line number.
    /// </summary>
    public static IReadOnlyList<CassetteEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var entries = new List<CassetteEntry>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            try
            {
                entries.Add(JsonSerializer.Deserialize<CassetteEntry>(lines[i], Json)
                    ?? throw new JsonException("null entry"));
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // A crash mid-write leaves a partial last line; what it held was never returned to anyone.
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Cassette {path} line {i + 1} is not a cassette entry: {e.Message}", e);
            }
        }
        return entries;
    }

    /// <summary>The entries keyed by position; the first record of a position wins.</summary>
    public static IReadOnlyDictionary<string, CassetteEntry> ByPosition(IEnumerable<CassetteEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var byPosition = new Dictionary<string, CassetteEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byPosition.TryAdd(entry.Position, entry);
        }
        return byPosition;
    }
}
