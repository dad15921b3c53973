using Microsoft.Extensions.AI;

namespace Stop.Models.Providers;

/// <summary><c>Use…</c> extension for user-facing provider errors.</summary>
public static class ProviderErrorChatClientBuilderExtensions
{
    /// <summary>Turns a provider's final failure into a <see cref="ModelProviderException"/> naming the spec and endpoint.</summary>
    public static ChatClientBuilder UseProviderErrors(this ChatClientBuilder builder, ModelSpec spec, string endpoint, string? keyVariable = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(endpoint);
        return builder.Use(inner => new ProviderErrorChatClient(inner, spec, endpoint, keyVariable));
    }
}
