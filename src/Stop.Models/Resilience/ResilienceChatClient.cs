using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Stop.Models.Resilience;

/// <summary>
/// Runs every request through one Polly pipeline built from <see cref="ResilienceOptions"/>: retry with
/// exponential backoff and jitter (honouring Retry-After), a circuit breaker, client-side limits and a
/// per-attempt timeout. The attempt count goes into the response for the cassette.
/// </summary>
public sealed class ResilienceChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline pipeline;
    private readonly List<RateLimiter> limiters = [];

    public ResilienceChatClient(IChatClient innerClient, ResilienceOptions options, TimeProvider timeProvider)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.EffectiveBaseDelay,
                MaxDelay = options.EffectiveMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && TransientFailures.IsTransient(e, args.Context.CancellationToken)),
                DelayGenerator = args =>
                {
                    var retryAfter = TransientFailures.RetryAfter(args.Outcome.Exception, timeProvider);
                    return ValueTask.FromResult(retryAfter is { } delay
                        ? (TimeSpan?)(delay < options.EffectiveMaxRetryAfter ? delay : options.EffectiveMaxRetryAfter)
                        : null);
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.EffectiveSamplingDuration,
            BreakDuration = options.EffectiveBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } e && TransientFailures.IsTransient(e, args.Context.CancellationToken)),
        });
        var concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        limiters.Add(concurrency);
        builder.AddRateLimiter(concurrency);
        if (options.RequestsPerMinute is { } perMinute)
        {
            var rate = new RequestsPerMinuteLimiter(perMinute, timeProvider);
            limiters.Add(rate);
            builder.AddRateLimiter(rate);
        }
        if (options.AttemptTimeout is { } timeout)
        {
            builder.AddTimeout(timeout);
        }
        pipeline = builder.Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var chat = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = new AttemptCounter();
        var response = await pipeline.ExecuteAsync(
            async (state, ct) =>
            {
                state.Attempts.Count++;
                return await base.GetResponseAsync(state.Chat, state.Options, ct).ConfigureAwait(false);
            },
            (Chat: chat, Options: options, Attempts: attempts),
            cancellationToken).ConfigureAwait(false);
        ResponseMetadata.Set(response, ResponseMetadata.AttemptsKey, attempts.Count);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Stop's model layers work on whole responses; streaming is not supported.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var limiter in limiters)
            {
                limiter.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private sealed class AttemptCounter
    {
        public int Count { get; set; }
    }
}
