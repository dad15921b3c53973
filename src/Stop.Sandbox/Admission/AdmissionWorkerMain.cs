using Stop.Sandbox.Workers;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Admission;

/// <summary>
/// The admission process's entry point (<c>stop worker --admission</c>). One thread, with a stack large enough for
/// Roslyn's recursion over nested text, reads a batch of candidate texts from standard input, admits them
/// (<see cref="CandidateCompiler.AdmitMany"/>) and writes what it made of each to standard output. No candidate code is
/// loaded or run here: this process only compiles, so that text which costs the compiler more than any candidate may
/// ask (time past the backstop, memory past the cap, a stack overflow) costs a process the host can kill and replace.
/// </summary>
public static class AdmissionWorkerMain
{
    /// <summary>The argument after <c>stop worker</c> that makes a worker an admission process.</summary>
    public const string Flag = "--admission";

    private const int StackBytes = 256 << 20;

    public static Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var channel = new Channel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        // Nothing but frames on standard output.
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Serve(channel, done), StackBytes) { IsBackground = true, Name = "admission" };
        thread.Start();
        return done.Task.WaitAsync(cancellationToken);
    }

    private static void Serve(Channel channel, TaskCompletionSource<int> done)
    {
        try
        {
            while (channel.Receive() is { } message)
            {
                if (message is not AdmitCandidates job)
                {
                    throw new InvalidDataException($"An admission process does not take {message.GetType().Name} frames.");
                }
                var compiler = new CandidateCompiler(job.Backstop);
                // The host kills a process that overruns; one whose host is gone (killed, or stopped with Ctrl+C
                // mid-batch) would otherwise compile on, orphaned, for as long as the text makes Roslyn take.
                using (new Timer(_ => Environment.Exit(WorkerExitCodes.Broken), null, job.Backstop + 2 * AdmissionProcess.Grace, Timeout.InfiniteTimeSpan))
                {
                    channel.Send(CandidatesAdmitted.Pack(compiler.AdmitMany([.. job.Candidates.Select(c => c.ToRequest())])));
                }
            }
            done.SetResult(0);
        }
        catch (Exception exception)
        {
            WorkerExitCodes.ExitFor(exception, "admission");
        }
    }
}
