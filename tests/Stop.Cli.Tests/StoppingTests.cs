using System.Diagnostics;
using System.Globalization;

namespace Stop.Cli.Tests;

/// <summary>Stopping the program stops what it started: no admission process works on, orphaned, after its host.</summary>
public sealed class StoppingTests
{
    /// <summary>Text Roslyn spends more than the 30 s backstop compiling: each link doubles a tuple type.</summary>
    private static string SlowToCompile() => $$"""
        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            var xs = new[] { 1 };
            var y = xs{{string.Concat(Enumerable.Repeat(".Select(x => (x, x))", 22))}};
            return testSamples.Select(s => 0).ToArray();
        }
        """;

    [Fact]
    public async Task Check_StoppedBySigterm_MidCompile_LeavesNoAdmissionProcessBehind()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stop-slow-{Guid.NewGuid():N}.csx");
        File.WriteAllText(file, SlowToCompile());
        try
        {
            using var host = StopProgram.Start("check", file, "--task", "parity_noise", "--json");
            _ = host.StandardOutput.ReadToEndAsync();
            _ = host.StandardError.ReadToEndAsync();
            var admission = await ChildAsync(host.Id, "--admission", TimeSpan.FromMinutes(1));
            // Past the process's warm-up, into the candidate's compile, which would hold it for 30 s more.
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.True(IsRunning(admission), "the admission process was still compiling");

            using (var kill = Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var gone = Stopwatch.StartNew();
            while (IsRunning(admission) && gone.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(100);
            }

            Assert.False(IsRunning(admission), $"admission process {admission} outlived its host by more than 5 s");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The id of <paramref name="parent"/>'s child whose command line holds <paramref name="argument"/>, once it has one.</summary>
    private static async Task<int> ChildAsync(int parent, string argument, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < within)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var id)
                    && Stat(id) is { } stat && ParentOf(stat) == parent
                    && TryRead(Path.Combine(directory, "cmdline")) is { } command && command.Split('\0').Contains(argument))
                {
                    return id;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"process {parent} started no child with {argument} within {within}");
    }

    /// <summary>Whether the process exists and is not a zombie left for a parent that does not reap it.</summary>
    private static bool IsRunning(int id) => Stat(id) is { } stat && State(stat) != 'Z';

    private static string? Stat(int id) => TryRead($"/proc/{id}/stat");

    // The fields after the command name, which is in parentheses and may hold spaces: state, then the parent's id.
    private static char State(string stat) => stat[(stat.LastIndexOf(')') + 2)..][0];

    private static int ParentOf(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
