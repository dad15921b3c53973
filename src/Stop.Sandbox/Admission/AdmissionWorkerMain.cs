using Stop.Sandbox.Workers;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Admission;

/// <summary>
/// The admission process's entry point (<c>stop worker --admission</c>). One thread, with a stack large enough for
/// Roslyn's recursion over nested text, reads a batch of candidate texts from standard input, admits them
/// (<see cref="CandidateCompiler.AdmitMany"/>) and writes what it made of each to standard output. No candidate code is
/// loaded or run here: this process only compiles, so that text which costs the compiler more than any candidate may
/// ask (time past the backstop, memory past the cap, a stack overflow) costs a process the host can kill and replace.
/// The reading tools' analyses of model text (a report's strategy detection) run here for the same reason.
/// </summary>
public static class AdmissionWorkerMain
{
    /// <summary>The argument after <c>stop worker</c> that makes a worker an admission process.</summary>
    public const string Flag = "--admission";

    private const int StackBytes = 256 << 20;

    /// <summary>Serves admission, and the <paramref name="analyses"/> by name (<see cref="AnalyseText"/>), until standard input ends.</summary>
    public static Task<int> RunAsync(IReadOnlyDictionary<string, Func<string, string>> analyses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        var channel = new Channel(Console.OpenStandardInput(), Console.OpenStandardOutput());
        // Nothing but frames on standard output.
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Serve(channel, analyses, done), StackBytes) { IsBackground = true, Name = "admission" };
        thread.Start();
        return done.Task.WaitAsync(cancellationToken);
    }

    private static void Serve(Channel channel, IReadOnlyDictionary<string, Func<string, string>> analyses, TaskCompletionSource<int> done)
    {
        try
        {
            while (channel.Receive() is { } message)
            {
                switch (message)
                {
                    case AdmitCandidates job:
                        var compiler = new CandidateCompiler(job.Backstop);
                        using (EndingAfter(job.Backstop))
                        {
                            channel.Send(CandidatesAdmitted.Pack(compiler.AdmitMany([.. job.Candidates.Select(c => c.ToRequest())])));
                        }
                        break;
                    case AnalyseText job when analyses.TryGetValue(job.Analysis, out var analysis):
                        using (EndingAfter(job.Backstop))
                        {
                            channel.Send(new TextAnalysed(analysis(job.Text)));
                        }
                        break;
                    case AnalyseText job:
                        throw new InvalidDataException($"An admission process has no analysis named {job.Analysis}.");
                    default:
                        throw new InvalidDataException($"An admission process does not take {message.GetType().Name} frames.");
                }
            }
            done.SetResult(0);
        }
        catch (Exception exception)
        {
            WorkerExitCodes.ExitFor(exception, "admission");
        }
    }

    /// <summary>
    /// Ends the process well after <paramref name="backstop"/>. The host kills a process that overruns; one whose host is
    /// gone (killed, or stopped with Ctrl+C mid-batch) would otherwise work on, orphaned, for as long as the text makes
    /// Roslyn take.
    /// </summary>
    private static Timer EndingAfter(TimeSpan backstop) =>
        new(_ => Environment.Exit(WorkerExitCodes.Broken), null, backstop + 2 * AdmissionProcess.Grace, Timeout.InfiniteTimeSpan);
}
