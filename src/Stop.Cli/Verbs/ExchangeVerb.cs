using System.CommandLine;
using Stop.Models.Exchange;

namespace Stop.Cli.Verbs;

/// <summary><c>stop exchange list DIR</c>: the requests in an exchange directory still waiting for an answer.</summary>
internal static class ExchangeVerb
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The exchange directory of a run using exchange:LABEL." };
        var list = new Command("list", "List pending requests: request files with no response file yet.");
        list.Arguments.Add(directory);
        list.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(directory)!.FullName;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"No exchange directory at {path}.");
                return 1;
            }
            var pending = ExchangeFiles.ListPending(path);
            foreach (var request in pending)
            {
                Console.WriteLine($"{request.Id,-40} {request.Position.Path,-40} {request.SizeBytes,8} bytes");
            }
            Console.WriteLine($"{pending.Count} pending; answer each by writing <id>{ExchangeFiles.ResponseSuffix} in {path}.");
            return 0;
        });
        var command = new Command("exchange", "Work with an exchange directory, where requests are answered by writing files.");
        command.Subcommands.Add(list);
        return command;
    }
}
