using System.ClientModel;
using System.Globalization;
using System.Net;
using Anthropic.Exceptions;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Stop.Models.Resilience;

/// <summary>Which provider failures are worth another attempt, and how long the server asked us to wait.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        TimeoutRejectedException or RateLimiterRejectedException or EmptyCompletionException => true,
        ClientResultException e => e.Status == 0 || IsTransientStatus(e.Status),
        AnthropicApiException e => IsTransientStatus((int)e.StatusCode),
        AnthropicIOException => true,
        HttpRequestException e => e.StatusCode is null || IsTransientStatus((int)e.StatusCode),
        IOException => true,
        _ => false,
    };

    public static int? StatusOf(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => e.Status,
        AnthropicApiException e => (int)e.StatusCode,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => null,
    };

    public static TimeSpan? RetryAfter(Exception? exception, TimeProvider time)
    {
        if (exception is RateLimiterRejectedException { RetryAfter: { } limiterDelay })
        {
            return limiterDelay;
        }
        if (exception is not ClientResultException e || e.GetRawResponse() is not { } response)
        {
            return null;
        }
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? Max(when - time.GetUtcNow(), TimeSpan.Zero)
            : null;
    }

    private static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
