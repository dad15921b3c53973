using System.CommandLine;
using Stop.Tasks;

namespace Stop.Cli.Verbs;

/// <summary><c>stop tasks</c>: the tasks, their signatures and instance counts.</summary>
internal static class TasksVerb
{
    public static Command Create()
    {
        var command = new Command("tasks", "List the downstream tasks, their Algorithm signatures and instance counts.");
        command.SetAction(_ =>
        {
            Console.WriteLine($"{"task",-32} {"instances",-17}  signature");
            foreach (var task in TaskCatalog.All)
            {
                Console.WriteLine($"{task.Name,-32} val {task.InstanceCount(Split.Val),3}  test {task.InstanceCount(Split.Test),3}  {task.Signature}");
            }
            return 0;
        });
        return command;
    }
}
