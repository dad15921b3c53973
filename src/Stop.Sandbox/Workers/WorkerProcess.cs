using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Workers;

/// <summary>
/// One supervised worker process. It runs one job at a time; the improver calls a job makes are answered
/// by the host, and the time spent answering is not held against the job's wall-clock backstop.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrKeptChars = 4096;

    /// <summary>
    /// The processes this program has started and not yet disposed. A worker ends when its host's end closes its
    /// standard input, but only between jobs: one mid-way through a long job (an admission process in a slow compile)
    /// would work on, orphaned, until its own backstop. The host kills them all as it exits, on SIGTERM or Ctrl+C too.
    /// </summary>
    private static readonly ConcurrentDictionary<WorkerProcess, byte> Live = new();

    private readonly Process process;
    private readonly Channel channel;
    private readonly StringBuilder stderr = new();

    static WorkerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var worker in Live.Keys)
        {
            try
            {
                worker.Kill();
            }
            catch (Exception exception) when (exception is ObjectDisposedException or System.ComponentModel.Win32Exception)
            {
                // Disposed meanwhile, or not ours to kill any more.
            }
        }
    };

    private WorkerProcess(Process process)
    {
        this.process = process;
        channel = new Channel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
    }

    public int JobsRun { get; private set; }

    public bool IsHealthy { get; private set; } = true;

    /// <summary>The process's id (for tests that kill it from outside).</summary>
    internal int Id => process.Id;

    /// <summary>Whether the process has ended (as an idle process may, when killed from outside).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>
    /// Takes the worker out of service after its current job. A candidate that reached the memory cap leaves a heap
    /// the next candidate could run out of sooner (the runtime does not always give the memory back promptly), and
    /// an outcome must not depend on what the worker ran before.
    /// </summary>
    public void Retire() => IsHealthy = false;

    public static WorkerProcess Start(SandboxOptions options, WorkerRole role = WorkerRole.Candidates)
    {
        var command = WorkerCommand.Resolve(options, role);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A folder that exists, whatever TMPDIR says: the worker touches no files, but cannot start in a missing one.
            WorkingDirectory = Directory.Exists(Path.GetTempPath()) ? Path.GetTempPath() : AppContext.BaseDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        // The worker's environment is its own, not the host's: a runtime knob the host happens to set
        // (DOTNET_EnableAVX2=0, DOTNET_EnableEventPipe=1, which starts a thread and so shifts the candidate thread's id),
        // a C library tunable or a preloaded library would change outcomes, and keys and other secrets are not the
        // worker's business. Only where the runtime and a temporary folder are is kept.
        var kept = start.Environment.Where(variable => IsKept(variable.Key)).ToList();
        start.Environment.Clear();
        foreach (var (name, value) in kept)
        {
            start.Environment[name] = value;
        }
        // The C library picks its sin, cos, tan, exp, log, pow, … by processor feature, and the versions that use FMA
        // round some last bits otherwise: the plain versions, on every processor.
        start.Environment["GLIBC_TUNABLES"] = PlainMathLibrary;
        // Vector<T> is as wide as the processor's vectors, and the library sums an int[] in that many lanes, each
        // checked for overflow: whether a.Sum() throws depended on AVX2. The same width on every processor.
        start.Environment["DOTNET_MaxVectorTBitWidth"] = "128";
        // Time zone conversions the policy misses still see UTC on every machine.
        start.Environment["TZ"] = "UTC";
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{(role == WorkerRole.Admission ? options.AdmissionMemoryBytes : options.WorkerMemoryBytes):X}";
        start.Environment["DOTNET_gcServer"] = "0";
        if (role == WorkerRole.Candidates)
        {
            // Each job's candidate is fresh code in a fresh context that runs for milliseconds: profiling it for a
            // later, better recompile is pure cost.
            start.Environment["DOTNET_TieredPGO"] = "0";
            // A worker lives for hundreds of jobs, and each job's candidate is new code that runs once: compile it fully
            // once, instead of quickly, then counting its calls and compiling the hot ones again in the background.
            // (An admission process runs Roslyn, the same code for every candidate, which tiering suits.)
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the worker '{string.Join(' ', command)}'.");
        var worker = new WorkerProcess(process);
        Live[worker] = 0;
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs a job that makes no calls (an admission process's) to its outcome; a call from it is a broken peer.</summary>
    public Task<(Message? Outcome, WorkerFailure? Failure)> RunAsync(Message job, TimeSpan backstop, CancellationToken cancellationToken) =>
        RunJobAsync(job, null, null, backstop, cancellationToken);

    /// <summary>
    /// Runs a job to its outcome. <paramref name="answer"/> handles the improver's calls; <paramref name="slots"/>
    /// is released while the host answers, so a waiting improver holds no CPU slot.
    /// </summary>
    public Task<(Message? Outcome, WorkerFailure? Failure)> RunAsync(
        Message job, Func<Message, CancellationToken, Task<CallReply>> answer, CpuSlots slots, TimeSpan backstop, CancellationToken cancellationToken) =>
        RunJobAsync(job, answer, slots, backstop, cancellationToken);

    private async Task<(Message? Outcome, WorkerFailure? Failure)> RunJobAsync(
        Message job, Func<Message, CancellationToken, Task<CallReply>>? answer, CpuSlots? slots, TimeSpan backstop, CancellationToken cancellationToken)
    {
        JobsRun++;
        var computing = Stopwatch.StartNew();
        try
        {
            await channel.SendAsync(job, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var receive = channel.ReceiveAsync(cancellationToken);
                var left = backstop - computing.Elapsed;
                // The backstop's timer is cancelled as soon as the worker answers, so jobs do not leave timers behind.
                using var backstopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var finished = await Task.WhenAny(receive, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, backstopTimer.Token)).ConfigureAwait(false);
                await backstopTimer.CancelAsync().ConfigureAwait(false);
                if (finished != receive)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Kill();
                    return (null, new WorkerFailure(Verdict.Timeout, $"stopped by the wall-clock backstop after {backstop.TotalSeconds:0.#} s of computing", DecidedBy.WallClockBackstop));
                }
                var message = await receive.ConfigureAwait(false);
                switch (message)
                {
                    case null:
                        return (null, await DiedAsync().ConfigureAwait(false));
                    case PromptCall or ScoreCall when answer is null || slots is null:
                        Kill();
                        return (null, await DiedAsync().ConfigureAwait(false));
                    case PromptCall or ScoreCall:
                        computing.Stop();
                        slots.Release();
                        CallReply reply;
                        try
                        {
                            reply = await answer(message, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                        }
                        computing.Start();
                        await channel.SendAsync(reply, cancellationToken).ConfigureAwait(false);
                        break;
                    case InstancesScored:
                        // The backstop guards each instance: counted fuel lets every one of them run for seconds.
                        computing.Restart();
                        break;
                    default:
                        return (message, null);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            if (exception is IOException)
            {
                return (null, await DiedAsync().ConfigureAwait(false));
            }
            // A frame that is not a message (too large, malformed), from a process that may live on: stopped now, and
            // said so, rather than waited for and taken for a death by signal.
            Kill();
            return (null, new WorkerFailure(Verdict.Crashed, $"the worker sent a frame that is not a message: {exception.Message}", DecidedBy.Counted));
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private async Task<WorkerFailure> DiedAsync()
    {
        IsHealthy = false;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        var code = process.HasExited ? process.ExitCode : -1;
        var detail = LastStderrLine();
        if (code == WorkerExitCodes.OutOfMemory || SaysOutOfMemory(detail))
        {
            return new WorkerFailure(Verdict.OutOfMemory, "the worker reached its memory cap", DecidedBy.MemoryCap);
        }
        if (detail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            // How deep the real stack goes depends on frame sizes, which differ by machine: the stack is a memory cap.
            return new WorkerFailure(Verdict.Crashed, "the worker's stack overflowed", DecidedBy.MemoryCap) { StackOverflowed = true };
        }
        if (code > 128)
        {
            // Killed by a signal (a segmentation fault in native memory the runtime ran short of, the kernel's OOM
            // killer): nothing a candidate may call exits that way, and no count decided it.
            return new WorkerFailure(Verdict.Crashed, $"the worker died of signal {code - 128}" + (detail.Length > 0 ? $": {detail}" : ""), DecidedBy.MemoryCap);
        }
        return new WorkerFailure(Verdict.Crashed, $"the worker exited with code {code}" + (detail.Length > 0 ? $": {detail}" : ""), DecidedBy.Counted);
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (stderr)
        {
            if (stderr.Length < StderrKeptChars)
            {
                stderr.AppendLine(line);
            }
        }
    }

    private string LastStderrLine()
    {
        lock (stderr)
        {
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase) || SaysOutOfMemory(l))
                ?? lines.LastOrDefault() ?? "";
        }
    }

    // The runtime's own words when it aborts for want of memory outside any managed allocation ("Out of memory."),
    // or an OutOfMemoryException's name.
    private static bool SaysOutOfMemory(string line) =>
        line.Contains("OutOfMemory", StringComparison.Ordinal) || line.Contains("Out of memory", StringComparison.Ordinal);

    private void Kill()
    {
        IsHealthy = false;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// The C library's tunables for a worker: none of the maths functions that use AVX2, FMA or FMA4 (the names before
    /// glibc 2.33 and after it; a name a version does not know it ignores).
    /// </summary>
    internal const string PlainMathLibrary = "glibc.cpu.hwcaps=-AVX2_Usable,-FMA_Usable,-FMA4_Usable,-AVX2,-FMA,-FMA4";

    /// <summary>What a worker keeps of its host's environment: where the runtime is, where temporary files go, and what
    /// Windows needs to start a process at all.</summary>
    private static bool IsKept(string name) =>
        name.StartsWith("DOTNET_ROOT", StringComparison.OrdinalIgnoreCase)
        || name is "PATH" or "HOME" or "TMPDIR" or "TMP" or "TEMP" or "SystemRoot" or "windir" or "USERPROFILE";

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
        {
            Kill();
        }
        Live.TryRemove(this, out _);
        process.Dispose();
    }
}
