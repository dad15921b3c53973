using Microsoft.Extensions.AI;

namespace Stop.Models.Fixity;

/// <summary><c>Use…</c> extension for model fixity.</summary>
public static class ModelFixityChatClientBuilderExtensions
{
    /// <summary>Collects reported model ids into <paramref name="fixity"/>.</summary>
    public static ChatClientBuilder UseModelFixity(this ChatClientBuilder builder, ModelFixity fixity)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(fixity);
        return builder.Use(inner => new ModelFixityChatClient(inner, fixity));
    }
}
