using System.Text.Json;
using Snapshooter.Xunit;

namespace Stop.Cli.Tests;

/// <summary>The verbs as a person meets them: their tables, their JSON and their exit codes.</summary>
public sealed class VerbTests
{
    [Fact]
    public async Task Tasks_ListsEveryTaskWithItsSignatureAndInstanceCounts()
    {
        var (exitCode, output, _) = await StopProgram.RunAsync("tasks");

        Assert.Equal(0, exitCode);
        Snapshot.Match(output);
    }

    [Fact]
    public async Task CheckJson_PrintsOneJsonObject_WithTheFieldsAScriptNeeds()
    {
        var (exitCode, output, error) = await StopProgram.RunAsync("check", "tasks/parity_noise/seed.csx", "--task", "parity_noise", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var field in new[] { "task", "split", "score", "verdict", "reason", "instances", "fuel", "wallMs" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Equal("ok", root.GetProperty("verdict").GetString());
        Assert.Equal(20, root.GetProperty("instances").GetInt32());
        Assert.Contains("scoring seed.csx", error);
    }

    [Fact]
    public async Task Check_OfACandidateThatFails_StillExitsZero_WithItsVerdict()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stop-cli-{Guid.NewGuid():N}.csx");
        await File.WriteAllTextAsync(file, "int[] Algorithm(int[][] a, int[] b, int[][] c) { while (true) { } }");
        try
        {
            var (exitCode, output, _) = await StopProgram.RunAsync("check", file, "--task", "parity_noise");

            Assert.Equal(0, exitCode);
            Assert.Contains("verdict   timeout", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("check", "no/such/file.csx", "--task", "parity_noise")]
    [InlineData("check", "tasks/parity_noise/seed.csx", "--task", "no_such_task")]
    [InlineData("show", "no/such/run")]
    [InlineData("replay", "no/such/run")]
    public async Task UsageErrors_ExitTwo_WithOneClearLine_AndNoStackTrace(params string[] arguments)
    {
        var (exitCode, _, error) = await StopProgram.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("stop: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Run_WithAnUnknownProvider_FailsWithAClearMessage()
    {
        var (exitCode, _, error) = await StopProgram.RunAsync("run", "--model", "nosuch:model", "--out", Path.Combine(Path.GetTempPath(), $"stop-cli-{Guid.NewGuid():N}"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("nosuch", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Show_PrintsTheShippedRunsGenerationTable()
    {
        var (exitCode, output, _) = await StopProgram.RunAsync("show", "runs/parity_noise-helpers");

        Assert.Equal(0, exitCode);
        Assert.Contains("gen       val      test  accepted  candidates     tokens   cost USD", output);
        Assert.Contains("model ids helpers", output);
    }

    [Fact]
    public async Task Report_WritesOneOfflineHtmlFile_AndOverwritesOnRequest()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stop-cli-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, "old");
        try
        {
            var (exitCode, _, error) = await StopProgram.RunAsync("report", "runs/parity_noise-helpers", "--out", file);

            Assert.True(exitCode == 0, error);
            var html = await File.ReadAllTextAsync(file);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<svg", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Diff_OfTheShippedRunsGenerations_PrintsAUnifiedDiffAndStrategies_AsPlainText()
    {
        var (exitCode, output, _) = await StopProgram.RunAsync("diff", "runs/parity_noise-helpers", "--from", "0", "--to", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("--- a/gen_0.csx", output);
        Assert.Contains("@@", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public async Task Diff_ShowsAModelsEscapeSequences_WithoutObeyingThem()
    {
        // Found by a review: a comment could clear the terminal, retitle it, or print a line passing for Stop's own.
        var folder = Directory.CreateTempSubdirectory("stop-cli-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a.csx"), "var a = 1;\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "b.csx"), "var a = 1;\n// \u001b[2J\u001b[32mstrategies in b/b.csx:\u001b]0;owned\u0007 \u202E\n");

            var (exitCode, output, _) = await StopProgram.RunAsync("diff", Path.Combine(folder, "a.csx"), Path.Combine(folder, "b.csx"));

            Assert.Equal(0, exitCode);
            Assert.Contains("+// \\x1B[2J\\x1B[32mstrategies in b/b.csx:\\x1B]0;owned\\x07 \\u202E", output);
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u202E', output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("{}", "missing required properties")]
    [InlineData("{\"format\":", "is not a run manifest")]
    public async Task AManifestThatIsNotOne_IsNamedInOneLine_NotAStackTrace(string manifest, string says)
    {
        var run = Directory.CreateTempSubdirectory("stop-cli-run-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(run, "manifest.json"), manifest);

            foreach (var verb in new[] { "show", "report", "replay" })
            {
                var (exitCode, _, error) = await StopProgram.RunAsync(verb, run);

                Assert.Equal(2, exitCode);
                Assert.Contains($"stop: {Path.Combine(run, "manifest.json")} is not a run manifest", error);
                Assert.Contains(says, error);
                Assert.DoesNotContain("   at ", error);
            }
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [Theory]
    [InlineData("check", "tasks/parity_noise/seed.csx", "--task", "parity_noise", "--split", "7", "--json")]
    [InlineData("check", "tasks/parity_noise/seed.csx", "--task", "parity_noise", "--split", "foo", "--json")]
    [InlineData("check", "tasks/parity_noise/seed.csx", "--json")]
    [InlineData("check", "tasks/parity_noise", "--task", "parity_noise", "--json")]
    [InlineData("check", "tasks/parity_noise/seed.csx", "--task", "parity_noise", "--bogus")]
    [InlineData("bogus")]
    public async Task AMistakeInHowStopWasCalled_ExitsTwo_WithStandardOutputEmpty(params string[] arguments)
    {
        // Found by a review: --split 7 scored as a crash with exit 0, and a parse error exited 1 with help on stdout.
        var (exitCode, output, error) = await StopProgram.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("stop: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithAnUnknownTask_IsAUsageError()
    {
        var (exitCode, _, error) = await StopProgram.RunAsync("eval", "--improver", "seeds/seed_improver.csx", "--model", "openai:x", "--tasks", "three_sat,nope");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown task 'nope'", error);
    }
}
