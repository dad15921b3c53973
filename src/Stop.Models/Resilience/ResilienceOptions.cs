namespace Stop.Models.Resilience;

/// <summary>How hard to try a provider: retries, per-attempt timeout, circuit breaker and client-side limits.</summary>
/// <param name="MaxRetryAttempts">Retries after the first attempt.</param>
/// <param name="BaseDelay">First backoff delay; later ones grow exponentially, with jitter.</param>
/// <param name="MaxDelay">Longest backoff delay (a server's Retry-After may ask for longer, up to <paramref name="MaxRetryAfter"/>).</param>
/// <param name="MaxRetryAfter">Longest Retry-After honoured.</param>
/// <param name="AttemptTimeout">Per-attempt timeout, or null for none (the exchange provider waits for people).</param>
/// <param name="CircuitBreakerFailureRatio">Failure ratio that opens the circuit.</param>
/// <param name="CircuitBreakerMinimumThroughput">Attempts sampled before the circuit may open.</param>
/// <param name="CircuitBreakerSamplingDuration">Window the ratio is measured over.</param>
/// <param name="CircuitBreakerBreakDuration">How long an open circuit rejects attempts.</param>
/// <param name="MaxConcurrentRequests">Most attempts in flight at once across the whole client.</param>
/// <param name="RequestsPerMinute">A client-side rate limit, or null for none.</param>
public sealed record ResilienceOptions(
    int MaxRetryAttempts = 6,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null,
    TimeSpan? MaxRetryAfter = null,
    TimeSpan? AttemptTimeout = null,
    double CircuitBreakerFailureRatio = 0.9,
    int CircuitBreakerMinimumThroughput = 20,
    TimeSpan? CircuitBreakerSamplingDuration = null,
    TimeSpan? CircuitBreakerBreakDuration = null,
    int MaxConcurrentRequests = 32,
    int? RequestsPerMinute = null)
{
    /// <summary>Defaults for network providers: a 3-minute per-attempt timeout.</summary>
    public static ResilienceOptions Default { get; } = new(AttemptTimeout: TimeSpan.FromMinutes(3));

    internal TimeSpan EffectiveBaseDelay => BaseDelay ?? TimeSpan.FromSeconds(1);

    internal TimeSpan EffectiveMaxDelay => MaxDelay ?? TimeSpan.FromSeconds(60);

    internal TimeSpan EffectiveMaxRetryAfter => MaxRetryAfter ?? TimeSpan.FromMinutes(5);

    internal TimeSpan EffectiveSamplingDuration => CircuitBreakerSamplingDuration ?? TimeSpan.FromMinutes(1);

    internal TimeSpan EffectiveBreakDuration => CircuitBreakerBreakDuration ?? TimeSpan.FromSeconds(30);
}
