using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using Stop.Models.Cassette;
using Stop.Models.Exchange;
using Stop.Models.Fixity;
using Stop.Models.Resilience;
using Stop.Models.Usage;

namespace Stop.Models.Providers;

/// <summary>
/// A provider with Stop's middleware around it, outermost first: usage → fixity → cassette (record/resume)
/// → provider errors → resilience → response guard → provider. A replay stack is usage → fixity → cassette.
/// </summary>
public sealed class ModelStack : IAsyncDisposable
{
    /// <summary>The cassette file inside a run directory.</summary>
    public const string CassetteFileName = "cassette.jsonl";

    /// <summary>Placeholder key for keyless local servers.</summary>
    public const string LoopbackPlaceholderKey = "no-key-loopback";

    private static readonly Uri OpenAIDefault = new("https://api.openai.com/v1");
    private static readonly Uri OllamaDefault = new("http://localhost:11434");

    private readonly CassetteWriter? writer;

    private ModelStack(ModelSpec spec, IChatClient client, UsageMeter usage, ModelFixity fixity, string endpoint, CassetteWriter? writer)
    {
        Spec = spec;
        Client = client;
        Usage = usage;
        Fixity = fixity;
        Endpoint = endpoint;
        this.writer = writer;
    }

    public ModelSpec Spec { get; }

    /// <summary>The whole stack, to hand to <see cref="LanguageModel"/>s.</summary>
    public IChatClient Client { get; }

    public UsageMeter Usage { get; }

    public ModelFixity Fixity { get; }

    /// <summary>Where requests go: a URL, an exchange directory or a cassette.</summary>
    public string Endpoint { get; }

    /// <summary>Builds the stack.</summary>
    /// <exception cref="ModelProviderException">A key, directory or cassette is missing.</exception>
    public static ModelStack Create(ModelSpec spec, ModelStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var usage = new UsageMeter(options.Prices, options.Limits);
        var fixity = new ModelFixity();
        if (spec.Provider == ModelSpec.Replay)
        {
            var cassette = Directory.Exists(spec.Model) ? Path.Combine(spec.Model, CassetteFileName) : spec.Model;
            if (!File.Exists(cassette))
            {
                throw new ModelProviderException($"There is no cassette to replay at {cassette}.");
            }
            var replay = new ChatClientBuilder(new ReplayChatClient(CassetteFile.Read(cassette)))
                .UseUsage(usage)
                .UseModelFixity(fixity)
                .Build();
            return new ModelStack(spec, replay, usage, fixity, cassette, writer: null);
        }

        var (provider, endpoint, keyVariable) = CreateProvider(spec, options);
        var resilience = spec.Provider == ModelSpec.Exchange ? options.Resilience with { AttemptTimeout = null } : options.Resilience;
        var builder = new ChatClientBuilder(provider).UseUsage(usage).UseModelFixity(fixity);
        CassetteWriter? writer = null;
        if (options.CassettePath is { } path)
        {
            var recorded = CassetteFile.Read(path);
            writer = CassetteWriter.Open(path);
            builder.UseCassette(writer, recorded, options.TimeProvider);
        }
        var client = builder
            .UseProviderErrors(spec, endpoint, keyVariable)
            .UseResilience(resilience, options.TimeProvider)
            .UseResponseGuard(options.Guard)
            .Build();
        return new ModelStack(spec, client, usage, fixity, endpoint, writer);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static (IChatClient Client, string Endpoint, string? KeyVariable) CreateProvider(ModelSpec spec, ModelStackOptions options)
    {
        switch (spec.Provider)
        {
            case ModelSpec.OpenAI:
            {
                var endpoint = options.Endpoint ?? OpenAIDefault;
                var key = Key(options, "OPENAI_API_KEY", spec, allowPlaceholder: endpoint.IsLoopback);
                var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                {
                    Endpoint = endpoint,
                    // Polly is the only retry layer; the SDK's own would hide attempts and double the backoff.
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    // The per-attempt timeout is Polly's; the SDK's network timeout only guards against forever.
                    NetworkTimeout = TimeSpan.FromHours(1),
                });
                return (client.GetChatClient(spec.Model).AsIChatClient(), endpoint.ToString(), "OPENAI_API_KEY");
            }
            case ModelSpec.Ollama:
            {
                var endpoint = options.Endpoint ?? OllamaDefault;
                return (new OllamaApiClient(endpoint, spec.Model), endpoint.ToString(), null);
            }
            case ModelSpec.Anthropic:
            {
                var key = Key(options, "ANTHROPIC_API_KEY", spec, allowPlaceholder: options.Endpoint?.IsLoopback == true);
                var clientOptions = new ClientOptions { ApiKey = key, MaxRetries = 0, Timeout = TimeSpan.FromHours(1) };
                if (options.Endpoint is { } endpoint)
                {
                    clientOptions.BaseUrl = endpoint.ToString();
                }
                var client = new AnthropicClient(clientOptions);
                return (client.AsIChatClient(spec.Model, defaultMaxOutputTokens: 1024), options.Endpoint?.ToString() ?? "api.anthropic.com", "ANTHROPIC_API_KEY");
            }
            case ModelSpec.Exchange:
            {
                var directory = options.ExchangeDirectory
                    ?? throw new ModelProviderException($"{spec} needs an exchange directory where requests are written and answers read.");
                return (new ExchangeChatClient(directory, spec.Model, options.Exchange, options.TimeProvider), directory, null);
            }
            default:
                throw new ModelProviderException($"Unknown model provider '{spec.Provider}'; use one of {string.Join(", ", ModelSpec.Providers)}.");
        }
    }

    private static string Key(ModelStackOptions options, string variable, ModelSpec spec, bool allowPlaceholder)
    {
        var key = options.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(key))
        {
            return key;
        }
        return allowPlaceholder
            ? LoopbackPlaceholderKey
            : throw new ModelProviderException($"{spec} needs an API key: set the environment variable {variable}.");
    }
}
