using System.Text.Json;
using Stop.Models.Usage;

namespace Stop.Cli.Output;

/// <summary>
/// Reads <c>--prices FILE</c>: a JSON object from model id (or id prefix) to USD per million tokens, e.g.
/// <c>{ "gpt-4o": { "inputPerMillion": 2.5, "outputPerMillion": 10 } }</c>.
/// </summary>
internal static class PriceFile
{
    public static IReadOnlyDictionary<string, ModelPrice> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"no price file at {Path.GetFullPath(path)}");
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, ModelPrice>>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new IOException($"{path} holds no prices");
        }
        catch (JsonException exception)
        {
            throw new IOException($"{path} is not a price table ({exception.Message}); expected {{ \"MODEL\": {{ \"inputPerMillion\": 2.5, \"outputPerMillion\": 10 }} }}");
        }
    }
}
