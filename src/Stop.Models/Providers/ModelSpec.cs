namespace Stop.Models.Providers;

/// <summary>A model as a user names it: <c>PROVIDER:MODEL</c>, e.g. <c>openai:gpt-4o</c> or <c>replay:runs/42</c>.</summary>
public sealed record ModelSpec(string Provider, string Model)
{
    public const string OpenAI = "openai";
    public const string Ollama = "ollama";
    public const string Anthropic = "anthropic";
    public const string Exchange = "exchange";
    public const string Replay = "replay";

    /// <summary>The providers <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Providers { get; } = [OpenAI, Ollama, Anthropic, Exchange, Replay];

    /// <summary>Parses <c>PROVIDER:MODEL</c>; the model part may itself contain colons (paths, tags).</summary>
    /// <exception cref="ModelProviderException">The spec is malformed or names an unknown provider.</exception>
    public static ModelSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            throw new ModelProviderException(
                $"Model '{spec}' is not of the form PROVIDER:MODEL (for example openai:gpt-4o, ollama:llama3, exchange:alice, replay:RUN_DIR).");
        }
        var provider = spec[..colon].Trim().ToLowerInvariant();
        if (!Providers.Contains(provider))
        {
            throw new ModelProviderException(
                $"Unknown model provider '{provider}' in '{spec}'; use one of {string.Join(", ", Providers)}.");
        }
        return new ModelSpec(provider, spec[(colon + 1)..].Trim());
    }

    public override string ToString() => $"{Provider}:{Model}";
}
