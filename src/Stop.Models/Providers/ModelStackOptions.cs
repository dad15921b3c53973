using System.Text.Json.Serialization;
using Stop.Models.Exchange;
using Stop.Models.Resilience;
using Stop.Models.Usage;

namespace Stop.Models.Providers;

/// <summary>Everything <see cref="ModelStack.Create"/> needs besides the <see cref="ModelSpec"/>.</summary>
public sealed record ModelStackOptions
{
    /// <summary>Base URL of the provider (e.g. <c>http://127.0.0.1:8000/v1</c>); null for the provider's default.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Directory of request/response files, for <c>exchange:LABEL</c>.</summary>
    public string? ExchangeDirectory { get; init; }

    /// <summary>Cassette to record into; positions it already holds are answered from it (resume). Null records nothing.</summary>
    public string? CassettePath { get; init; }

    public ResilienceOptions Resilience { get; init; } = ResilienceOptions.Default;

    public ResponseGuardOptions Guard { get; init; } = new();

    public ExchangeOptions Exchange { get; init; } = new();

    public PriceTable Prices { get; init; } = PriceTable.Empty;

    public UsageLimits Limits { get; init; } = UsageLimits.None;

    [JsonIgnore]
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where keys come from: environment variables only (replaceable in tests).</summary>
    [JsonIgnore]
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
