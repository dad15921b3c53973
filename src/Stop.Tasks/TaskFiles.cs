using System.Reflection;

namespace Stop.Tasks;

/// <summary>
/// The files under <c>tasks/</c>, embedded in this assembly so the program finds them from any output
/// folder and any working directory.
/// </summary>
public static class TaskFiles
{
    private static readonly Assembly Assembly = typeof(TaskFiles).Assembly;

    /// <summary>Reads <c>tasks/<paramref name="task"/>/<paramref name="file"/></c>.</summary>
    public static string Read(string task, string file)
    {
        var name = $"tasks/{task}/{file}";
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The task file '{name}' is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
