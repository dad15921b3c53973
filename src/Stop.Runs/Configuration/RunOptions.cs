using Stop.Models.Usage;

namespace Stop.Runs.Configuration;

/// <summary>
/// A self-improvement run's configuration, written into its manifest as it is. Defaults follow the paper
/// (T = 3 iterations as in its figures; STOP's code runs 6), with STOP's n = 6 responses per call,
/// m = 4 calls, n·m + 1 = 25 utility uses and 5 meta-tests.
/// </summary>
public sealed record RunOptions
{
    /// <summary>The downstream task the meta-utility improves solutions for.</summary>
    public required string Task { get; init; }

    /// <summary>The model as <c>PROVIDER:MODEL</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The provider's base URL, where it has one.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Where the exchange provider writes requests and reads answers.</summary>
    public string? ExchangeDirectory { get; init; }

    /// <summary>Who answers as the model, in words: recorded in the manifest.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>Self-improvement iterations T.</summary>
    public int Iterations { get; init; } = 3;

    /// <summary>Meta-tests k: improver runs averaged by one meta-utility evaluation.</summary>
    public int MetaTests { get; init; } = 5;

    /// <summary>Language model calls m per improver run.</summary>
    public int CallBudget { get; init; } = 4;

    /// <summary>Responses n per call.</summary>
    public int ResponsesPerCall { get; init; } = 6;

    /// <summary>Utility and meta-utility uses per improver run: n·m + 1 unless set.</summary>
    public int? UtilityBudgetOverride { get; init; }

    /// <summary>The acceptance rule for a new generation.</summary>
    public AcceptRule Accept { get; init; } = AcceptRule.Stop;

    /// <summary>Completion token cap per request (STOP's 1024).</summary>
    public int MaxTokens { get; init; } = 1024;

    /// <summary>Stop the run (resumably) after this many tokens in and out.</summary>
    public long? MaxTotalTokens { get; init; }

    /// <summary>Stop the run (resumably) after this cost in USD, given a price table.</summary>
    public decimal? MaxCostUsd { get; init; }

    /// <summary>USD per million tokens, per model id, for cost accounting and <see cref="MaxCostUsd"/>.</summary>
    public IReadOnlyDictionary<string, ModelPrice>? Prices { get; init; }

    /// <summary>Completions in flight at once per language model.</summary>
    public int Concurrency { get; init; } = 6;

    /// <summary>n·m + 1, STOP's utility and meta-utility budget.</summary>
    public int UtilityBudget => UtilityBudgetOverride ?? (ResponsesPerCall * CallBudget) + 1;
}

/// <summary>How a new improver generation is accepted.</summary>
public enum AcceptRule
{
    /// <summary>STOP's rule: any improver whose meta-utility is not zero.</summary>
    Stop,

    /// <summary>Also beat the incumbent on paired val instances (one-sided sign test, α = 0.05).</summary>
    Better,
}
