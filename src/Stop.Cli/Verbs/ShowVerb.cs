using System.CommandLine;
using Stop.Cli.Output;

namespace Stop.Cli.Verbs;

/// <summary><c>stop show DIR</c>: the generation table of a run.</summary>
internal static class ShowVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "A run directory." };
        var command = new Command("show", "Show a run's generation table: val, test, candidates, verdict counts, tokens, model ids.") { directory };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(directory)!;
            if (!File.Exists(Path.Combine(path.FullName, "manifest.json")))
            {
                return Fail.Usage($"{path.FullName} holds no run (no manifest.json)");
            }
            RunTable.Print(path.FullName, Console.Out);
            return 0;
        });
        return command;
    }
}
