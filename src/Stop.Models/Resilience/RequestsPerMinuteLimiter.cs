using System.Threading.RateLimiting;

namespace Stop.Models.Resilience;

/// <summary>
/// At most N permits in any minute, measured on an injected <see cref="TimeProvider"/> (System.Threading.RateLimiting's
/// own limiters replenish on the real clock). A permit is given back one minute after it was granted; waiters are
/// served oldest first.
/// </summary>
internal sealed class RequestsPerMinuteLimiter : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int permitsPerMinute;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Queue<long> grantedAt = new();

    // Only the waiter at the head sleeps on the clock; SemaphoreSlim hands its async waiters the turn in arrival order.
    // It is never disposed: a request still waiting when the client is disposed must be able to release its turn.
    private readonly SemaphoreSlim turn = new(1, 1);

    public RequestsPerMinuteLimiter(int permitsPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerMinute);
        ArgumentNullException.ThrowIfNull(time);
        this.permitsPerMinute = permitsPerMinute;
        this.time = time;
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                Forget();
                return grantedAt.Count == 0 ? TimeSpan.Zero : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Forget();
            return new RateLimiterStatistics { CurrentAvailablePermits = permitsPerMinute - grantedAt.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        lock (gate)
        {
            return TryGrant(permitCount, out _) ? Lease.Granted : Lease.Denied;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Check(permitCount);
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (gate)
                {
                    if (TryGrant(permitCount, out wait))
                    {
                        return Lease.Granted;
                    }
                }
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private void Check(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitsPerMinute);
    }

    private bool TryGrant(int permitCount, out TimeSpan wait)
    {
        Forget();
        var excess = grantedAt.Count + permitCount - permitsPerMinute;
        if (excess <= 0)
        {
            var now = time.GetTimestamp();
            for (var i = 0; i < permitCount; i++)
            {
                grantedAt.Enqueue(now);
            }
            wait = TimeSpan.Zero;
            return true;
        }
        // The excess-th oldest grant must leave the window before this request fits.
        wait = Window - time.GetElapsedTime(grantedAt.ElementAt(excess - 1));
        return false;
    }

    private void Forget()
    {
        while (grantedAt.TryPeek(out var oldest) && time.GetElapsedTime(oldest) >= Window)
        {
            grantedAt.Dequeue();
        }
    }

    private sealed class Lease(bool isAcquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Denied = new(false);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
