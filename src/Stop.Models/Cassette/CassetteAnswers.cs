using Microsoft.Extensions.AI;
using Stop.Models.Resilience;

namespace Stop.Models.Cassette;

/// <summary>Answers requests from recorded entries, checking that each request is the one recorded at its position.</summary>
internal sealed class CassetteAnswers(IEnumerable<CassetteEntry> entries)
{
    private readonly IReadOnlyDictionary<string, CassetteEntry> byPosition = CassetteFile.ByPosition(entries);

    public int Count => byPosition.Count;

    public IEnumerable<string?> ModelIds => byPosition.Values.Select(e => e.ModelId).Distinct();

    /// <summary>The recorded answer at <paramref name="position"/>, null when none; throws on divergence.</summary>
    public ChatResponse? TryAnswer(string position, RecordedRequest requested)
    {
        if (!byPosition.TryGetValue(position, out var entry))
        {
            return null;
        }
        var differences = RecordedRequest.From(entry).DifferencesFrom(requested);
        if (differences.Count > 0)
        {
            throw new ReplayDivergenceException(position, differences);
        }
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, entry.Text))
        {
            ModelId = entry.ModelId,
            Usage = new UsageDetails
            {
                InputTokenCount = entry.InputTokens,
                OutputTokenCount = entry.OutputTokens,
                TotalTokenCount = entry.InputTokens + entry.OutputTokens,
            },
            CreatedAt = entry.RecordedAt,
        };
        ResponseMetadata.Set(response, ResponseMetadata.ReplayedKey, true);
        ResponseMetadata.Set(response, ResponseMetadata.AttemptsKey, entry.Attempts);
        ResponseMetadata.Set(response, ResponseMetadata.TruncatedKey, entry.Truncated);
        return response;
    }
}
