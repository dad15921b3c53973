using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Stop.Models.Cassette;

/// <summary>
/// The canonical form of a request, what replay compares: messages, temperature, max tokens and model.
/// </summary>
public sealed record RecordedRequest(IReadOnlyList<CassetteMessage> Messages, double? Temperature, int? MaxTokens, string? Model)
{
    /// <summary>The canonical form of a chat request; <paramref name="defaultModel"/> stands in when the options name none.</summary>
    public static RecordedRequest From(IEnumerable<ChatMessage> messages, ChatOptions? options, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new(
            [.. messages.Select(m => new CassetteMessage(m.Role.Value, m.Text))],
            options?.Temperature is { } t ? Math.Round(t, 4) : null,
            options?.MaxOutputTokens,
            options?.ModelId ?? defaultModel);
    }

    /// <summary>The request recorded in an entry.</summary>
    public static RecordedRequest From(CassetteEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Messages, entry.Temperature, entry.MaxTokens, entry.RequestedModel);
    }

    /// <summary>A SHA-256 over the canonical JSON of the request.</summary>
    public string Fingerprint()
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            Messages.Select(m => new[] { m.Role, m.Text }).ToArray(),
            Temperature?.ToString("R", CultureInfo.InvariantCulture),
            MaxTokens,
            Model,
        });
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// How <paramref name="requested"/> differs from this recorded request, or an empty list when it does not.
    /// The model is compared only when the requester names one (a replay need not know the model).
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(RecordedRequest requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var differences = new List<string>();
        if (Messages.Count != requested.Messages.Count)
        {
            differences.Add($"message count: recorded {Messages.Count} vs requested {requested.Messages.Count}");
        }
        foreach (var (recorded, asked) in Messages.Zip(requested.Messages))
        {
            if (recorded != asked)
            {
                differences.Add($"{recorded.Role} message: recorded {Quote(recorded.Text)} vs requested {Quote(asked.Text)}");
            }
        }
        if (Temperature != requested.Temperature)
        {
            differences.Add($"temperature: recorded {Temperature} vs requested {requested.Temperature}");
        }
        if (MaxTokens != requested.MaxTokens)
        {
            differences.Add($"max tokens: recorded {MaxTokens} vs requested {requested.MaxTokens}");
        }
        if (requested.Model is not null && Model is not null && Model != requested.Model)
        {
            differences.Add($"model: recorded {Model} vs requested {requested.Model}");
        }
        return differences;
    }

    // The first place two long prompts differ is what a reader needs; the whole prompt would drown it.
    private static string Quote(string text) => text.Length <= 120 ? $"\"{text}\"" : $"\"{text[..117]}…\" ({text.Length} chars)";
}
