using System.CommandLine;
using System.Text.Json;
using Stop.Cli.Output;
using Stop.Sandbox;
using Stop.Sandbox.Admission;
using Stop.Tasks;

namespace Stop.Cli.Verbs;

/// <summary><c>stop check FILE --task NAME</c>: score one solution through the whole candidate pipeline.</summary>
internal static class CheckVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The solution: C# script text defining Algorithm, or a model response holding it in a fenced code block." };
        var taskName = new Option<string>("--task") { Description = "The task to score on (see `stop tasks`).", Required = true };
        var split = new Option<string>("--split") { Description = "val (used while improving) or test.", HelpName = "val|test", DefaultValueFactory = _ => "val" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output; progress goes to standard error." };
        var command = new Command("check", "Score one solution: extract, compile, check the policy, instrument, run in a sandboxed worker, score.\n"
            + "Exits 0 whenever the candidate was evaluated, whatever its verdict; 2 for usage errors.")
        {
            file, taskName, split, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (Directory.Exists(path.FullName))
            {
                return Fail.Usage($"{path.FullName} is a directory, not a solution file");
            }
            if (!path.Exists)
            {
                return Fail.Usage($"no such file: {path.FullName}");
            }
            if (!TaskCatalog.TryGet(parse.GetValue(taskName)!, out var task))
            {
                return Fail.Usage($"unknown task '{parse.GetValue(taskName)}'; known tasks: {string.Join(", ", TaskCatalog.All.Select(t => t.Name))}");
            }
            if (ParseSplit(parse.GetValue(split)) is not { } chosen)
            {
                return Fail.Usage($"--split must be val or test (got '{parse.GetValue(split)}')");
            }
            if (await ReadBoundedAsync(path.FullName, cancellationToken) is not { } text)
            {
                return Fail.Usage($"{path.FullName} holds more than the {CandidateCompiler.MaxTextChars:N0} characters admission takes");
            }
            await using var sandbox = new CandidateSandbox();
            Console.Error.WriteLine($"scoring {path.Name} on {task.Name} ({chosen.ToString().ToLowerInvariant()}, {task.InstanceCount(chosen)} instances)…");
            var evaluation = await sandbox.ScoreAsync(text, task, chosen, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(CheckReport.From(evaluation), CheckReport.Json));
            }
            else
            {
                CheckReport.Print(evaluation, Console.Out);
            }
            return 0;
        });
        return command;
    }

    private static Split? ParseSplit(string? value) => value?.ToLowerInvariant() switch
    {
        "val" => Split.Val,
        "test" => Split.Test,
        _ => null,
    };

    /// <summary>
    /// The file's text, or null when it is certainly longer than admission takes: a UTF-16 character takes at most
    /// three bytes of UTF-8, so more bytes than three times the limit are more characters than it. Read no further
    /// than that, so that a huge file, or a device that never ends, is refused without filling memory.
    /// </summary>
    private static async Task<string?> ReadBoundedAsync(string path, CancellationToken cancellationToken)
    {
        const int MaxBytes = 3 * CandidateCompiler.MaxTextChars + 4;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        if (length > MaxBytes)
        {
            return null;
        }
        using var reader = new StreamReader(new MemoryStream(buffer, 0, length), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
