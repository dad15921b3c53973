using Microsoft.Extensions.AI;

namespace Stop.Models.Usage;

/// <summary><c>Use…</c> extension for usage metering.</summary>
public static class UsageChatClientBuilderExtensions
{
    /// <summary>Meters every response into <paramref name="meter"/> and enforces its limits.</summary>
    public static ChatClientBuilder UseUsage(this ChatClientBuilder builder, UsageMeter meter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(meter);
        return builder.Use(inner => new UsageChatClient(inner, meter));
    }
}
