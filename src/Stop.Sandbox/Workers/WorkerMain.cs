using System.Diagnostics;
using Stop.Guest.Runtime;
using Stop.Sandbox.Execution;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Workers;

/// <summary>
/// The worker process's entry point (<c>stop worker</c>). One thread, with a stack large enough that the counted
/// depth limit trips long before the real one, reads a job from standard input, runs it and writes the outcome to
/// standard output; an improver's calls are written and their replies read by that same thread, since it has
/// nothing else to do while it waits. No thread pool and no hand-over between threads sit on the path of a job.
/// The candidate's console output is captured before any candidate runs, so nothing it prints can reach the channel.
/// <para>
/// What a job leaves on the thread does not reach the next: the candidate's own statics, thread-static ones
/// included, live in its load context; the meter and the seeded Random are reset before every call; and the policy
/// keeps candidates away from the thread's own settings (culture, priority, name). Default object hash codes come
/// from a per-thread sequence that runs on across jobs: the policy lets a candidate see only hash codes computed
/// from values (<c>HashReproducibility</c>), and <see cref="IdentityHashes"/> sets the sequence before every call, so
/// that which keys' hash codes collide does not depend on earlier jobs either. String hashing and
/// <see cref="HashCode"/> take per-process random seeds, which <see cref="HashSeeds"/> fixes before anything runs.
/// </para>
/// </summary>
public static class WorkerMain
{
    /// <summary>Stack for the candidate thread: deep enough that the counted depth limit trips long before the real stack.</summary>
    private const int CandidateStackBytes = 16 << 20;

    /// <summary>
    /// The most heap a job may leave behind. An unloaded candidate's statics stay until collections find them, and a
    /// job that kept 700 MB there ran the next job out of memory: how much room a job has must not depend on what the
    /// worker ran before it, beyond this allowance. Below it the worker does not collect (a full collection after
    /// every job would cost each job more than its scoring), so a job near the cap can still run out of memory after
    /// one that kept a few megabytes; that outcome is decided by the memory cap, and recorded so.
    /// </summary>
    private const long MaxLeftoverBytes = 64 << 20;

    /// <summary>
    /// Whether the heap is back under <see cref="MaxLeftoverBytes"/>, in use and committed, collecting only when the
    /// job left more. The memory cap counts committed memory, which an ordinary collection keeps for reuse; an
    /// aggressive one gives it back.
    /// </summary>
    private static bool HeapSettles()
    {
        for (var round = 0; GC.GetTotalMemory(forceFullCollection: false) > MaxLeftoverBytes || Committed() > MaxLeftoverBytes; round++)
        {
            if (round == 4)
            {
                return false;
            }
            // An unloaded load context takes more than one collection: its objects, then its loader's finalizers, then it.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return true;
    }

    /// <summary>How often, at most, the worker tells the host how many instances of a job it has scored.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Tells the host how many instances are scored when a second has passed since the job began or the last telling,
    /// so that its backstop guards each instance; quick jobs send nothing. (A clock here decides only when to write.)
    /// </summary>
    private static Action<int> Progress(Channel channel)
    {
        var since = Stopwatch.StartNew();
        return count =>
        {
            if (since.Elapsed >= ProgressEvery)
            {
                channel.Send(new InstancesScored(count));
                since.Restart();
            }
        };
    }

    /// <summary>The heap's committed bytes as the last collection left them.</summary>
    private static long Committed() => GC.GetGCMemoryInfo().TotalCommittedBytes;

    public static Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        HashSeeds.Fix();
        var channel = new Channel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        var console = new BoundedWriter();
        Console.SetOut(console);
        Console.SetError(console);
        Console.SetIn(TextReader.Null);

        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Serve(channel, console, done), CandidateStackBytes) { IsBackground = true, Name = "candidate" };
        thread.Start();
        return done.Task.WaitAsync(cancellationToken);
    }

    private static void Serve(Channel channel, BoundedWriter console, TaskCompletionSource<int> done)
    {
        try
        {
            IdentityHashes.Fix();
            // The depth an exception is thrown at prices its catch (Meter.Caught); running out of memory stops the
            // candidate whether or not it catches the exception (Meter.RanOutOfMemory).
            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            {
                Meter.Thrown();
                if (e.Exception is OutOfMemoryException or InsufficientExecutionStackException)
                {
                    Meter.RanOutOfMemory();
                }
            };
            var host = new ChannelImproverHost(channel);
            while (channel.Receive() is { } message)
            {
                Message outcome = message switch
                {
                    EvaluateSolution job => SolutionRunner.Run(job, console, Progress(channel)),
                    RunImprover job => ImproverRunner.Run(job, host, console),
                    CallReply => throw new InvalidDataException("A reply arrived with no call waiting."),
                    _ => throw new InvalidDataException($"A worker does not take {message.GetType().Name} frames."),
                };
                if (!HeapSettles())
                {
                    outcome = outcome switch
                    {
                        SolutionOutcome solution => solution with { Spent = true },
                        ImproverOutcome improver => improver with { Spent = true },
                        _ => outcome,
                    };
                }
                channel.Send(outcome);
            }
            done.SetResult(0);
        }
        catch (Exception exception)
        {
            // Outside candidate code (the heap cap reached, a broken channel): die, and let the host say why.
            WorkerExitCodes.ExitFor(exception, "worker");
        }
    }
}
