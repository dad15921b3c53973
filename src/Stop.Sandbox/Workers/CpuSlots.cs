namespace Stop.Sandbox.Workers;

/// <summary>
/// The CPU slots shared by admission and workers: computing holds one, waiting on a model or a nested
/// evaluation holds none, so nested evaluation can never deadlock a bounded pool.
/// </summary>
public sealed class CpuSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim slots = new(count, count);

    public int Count { get; } = count;

    public Task WaitAsync(CancellationToken cancellationToken) => slots.WaitAsync(cancellationToken);

    public void Release() => slots.Release();

    public void Dispose() => slots.Dispose();
}
