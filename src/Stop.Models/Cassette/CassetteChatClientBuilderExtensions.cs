using Microsoft.Extensions.AI;

namespace Stop.Models.Cassette;

/// <summary><c>Use…</c> extensions for the cassette layer.</summary>
public static class CassetteChatClientBuilderExtensions
{
    /// <summary>
    /// Records every exchange to <paramref name="writer"/>; positions found in <paramref name="recorded"/>
    /// (an earlier session's entries, for resume) are answered from there and not sent again.
    /// </summary>
    public static ChatClientBuilder UseCassette(
        this ChatClientBuilder builder, CassetteWriter writer, IEnumerable<CassetteEntry>? recorded = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(writer);
        return builder.Use(inner => new RecordingChatClient(inner, writer, recorded ?? [], timeProvider ?? TimeProvider.System));
    }
}
