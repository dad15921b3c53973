using System.Collections.Concurrent;
using Stop.Sandbox.Execution;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Workers;

/// <summary>
/// The worker process's entry point (<c>stop worker</c>): reads jobs from standard input, runs each on the
/// candidate thread, which has a large stack, and answers on standard output. The candidate's console output
/// is captured before any candidate runs, so nothing it prints can reach the channel.
/// </summary>
public static class WorkerMain
{
    /// <summary>Stack for candidate threads: deep enough that the counted depth limit trips long before the real stack.</summary>
    private const int CandidateStackBytes = 16 << 20;

    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var channel = new Channel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        var console = new BoundedWriter();
        Console.SetOut(console);
        Console.SetError(console);
        Console.SetIn(TextReader.Null);

        var host = new ChannelImproverHost(channel);
        Task? running = null;
        while (await channel.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } message)
        {
            switch (message)
            {
                case CallReply reply:
                    host.Deliver(reply);
                    break;
                case EvaluateSolution or RunImprover when running is { IsCompleted: false }:
                    throw new InvalidDataException("A job arrived while another was running.");
                case EvaluateSolution job:
                    running = RunOnCandidateThread(channel, () => SolutionRunner.Run(job, console));
                    break;
                case RunImprover job:
                    running = RunOnCandidateThread(channel, () => ImproverRunner.Run(job, host, console));
                    break;
                default:
                    throw new InvalidDataException($"A worker does not take {message.GetType().Name} frames.");
            }
        }
        return 0;
    }

    /// <summary>
    /// Runs a job on the candidate thread. One thread serves every job of this worker: starting a thread with a 16 MB
    /// stack per job cost a fifth of a millisecond. Nothing of a job stays on the thread for the next: the candidate's
    /// own statics, thread-static ones included, live in its load context, the meter and the seeded Random are reset
    /// before every call, and the policy keeps candidates away from the thread's own settings (culture, priority, name).
    /// </summary>
    private static Task RunOnCandidateThread(Channel channel, Func<Message> job)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CandidateThread.Value.Add(() =>
        {
            try
            {
                var outcome = job();
                // Done before the outcome leaves: the host may send the next job the moment it reads this one.
                done.SetResult();
                channel.SendAsync(outcome, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (OutOfMemoryException)
            {
                // The heap cap was reached outside candidate code: die, and let the host say so.
                Environment.Exit(WorkerExitCodes.OutOfMemory);
            }
            catch (Exception exception)
            {
                Console.OpenStandardError().Write(System.Text.Encoding.UTF8.GetBytes($"worker: {exception}\n"));
                Environment.Exit(WorkerExitCodes.Broken);
            }
        });
        return done.Task;
    }

    private static readonly Lazy<BlockingCollection<Action>> CandidateThread = new(() =>
    {
        var jobs = new BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            foreach (var job in jobs.GetConsumingEnumerable())
            {
                job();
            }
        }, CandidateStackBytes)
        {
            IsBackground = true,
            Name = "candidate",
        };
        thread.Start();
        return jobs;
    });
}
