using System.Collections.Concurrent;
using Stop.Sandbox.Workers;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Admission on long-lived threads of its own, in batches. Roslyn's work is synchronous and long enough to starve the
/// thread pool threads that must notice a worker's reply, so it gets threads of its own (a thread per admission cost
/// a fifth of a millisecond to start). A thread that finds several requests waiting admits them together
/// (<see cref="CandidateCompiler.AdmitMany"/>): under load, such as concurrent meta-tests or the bench, batches form
/// by themselves; a lone request is admitted at once, as before. Each thread compiles through an admitter of its own:
/// by default an admission process (<see cref="AdmissionProcess"/>), so that no thread's batch waits on another's.
/// </summary>
internal sealed class AdmissionQueue : IDisposable
{
    private const int StackBytes = 256 << 20;

    private readonly BlockingCollection<Pending> queue = new();
    private readonly List<Thread> threads = [];
    private readonly Func<IAdmitter> newAdmitter;
    private readonly CpuSlots slots;
    private readonly int maxBatch;
    private long compilations;
    private long admissions;

    /// <param name="newAdmitter">Makes each thread's admitter, which the thread disposes of when the queue ends.</param>
    /// <param name="slots">A CPU slot is held while a batch compiles.</param>
    /// <param name="threads">How many batches may compile at once.</param>
    /// <param name="maxBatch">The most requests admitted together.</param>
    public AdmissionQueue(Func<IAdmitter> newAdmitter, CpuSlots slots, int threads, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        this.newAdmitter = newAdmitter;
        this.slots = slots;
        this.maxBatch = maxBatch;
        for (var i = 0; i < threads; i++)
        {
            // A large stack: in-process, Roslyn recurses over deeply nested text, and an overflow would end the host.
            var thread = new Thread(Serve, StackBytes) { IsBackground = true, Name = $"admission {i + 1}" };
            this.threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>Admission passes so far (a batch is one pass), and requests admitted in them.</summary>
    public (long Passes, long Requests) Counts => (Interlocked.Read(ref compilations), Interlocked.Read(ref admissions));

    public Task<AdmittedCandidate> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<AdmittedCandidate>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (cancellationToken.CanBeCanceled)
        {
            // A caller who gives up is answered at once, not when a thread reaches its request (which it then skips).
            var registration = cancellationToken.Register(() => pending.Done.TrySetCanceled(cancellationToken));
            pending.Done.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        queue.Add(pending, CancellationToken.None);
        return pending.Done.Task;
    }

    private void Serve()
    {
        using var admitter = newAdmitter();
        foreach (var first in queue.GetConsumingEnumerable())
        {
            // The slot first, then whatever else has queued up meanwhile: the longer the wait, the larger the batch.
            slots.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
            try
            {
                var batch = new List<Pending> { first };
                while (batch.Count < maxBatch && queue.TryTake(out var more))
                {
                    batch.Add(more);
                }
                foreach (var cancelled in batch.Where(p => p.CancellationToken.IsCancellationRequested))
                {
                    cancelled.Done.TrySetCanceled(cancelled.CancellationToken);
                }
                batch.RemoveAll(p => p.CancellationToken.IsCancellationRequested);
                if (batch.Count > 0)
                {
                    Interlocked.Increment(ref compilations);
                    Interlocked.Add(ref admissions, batch.Count);
                    Admit(admitter, batch);
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static void Admit(IAdmitter admitter, List<Pending> batch)
    {
        try
        {
            var admitted = admitter.AdmitMany([.. batch.Select(p => p.Request)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(admitted[i]);
            }
        }
        catch (Exception exception) when (batch.Count == 1)
        {
            batch[0].Done.TrySetException(exception);
        }
        catch (Exception)
        {
            // Whatever went wrong is one request's own: the others must not fail with it.
            foreach (var pending in batch)
            {
                Admit(admitter, [pending]);
            }
        }
    }

    /// <summary>Lets the threads finish what is queued, and waits for them: they hold CPU slots until then.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private sealed record Pending(AdmissionRequest Request, TaskCompletionSource<AdmittedCandidate> Done, CancellationToken CancellationToken);
}
