namespace Stop.Sandbox.Admission;

/// <summary>
/// Runs a reading tool's analysis of model text (a report's strategy detection, say) in an admission process, under a
/// backstop of its own and the admission memory cap, so that text which makes Roslyn's parser take minutes costs a
/// process the host kills, not the host. The analysis is registered by name with <see cref="AdmissionWorkerMain.RunAsync"/>; its result
/// crosses as text. Texts are sent one at a time, so a text that fails its analysis fails alone. Not thread-safe.
/// </summary>
/// <param name="backstop">How long one text's analysis may take; the process is killed <see cref="AdmissionProcess.Grace"/> after.</param>
/// <param name="options">How admission processes are started (their command and memory cap).</param>
public sealed class TextAnalyser(TimeSpan backstop, SandboxOptions? options = null) : IDisposable
{
    private readonly AdmissionProcess process = new(options ?? new SandboxOptions());

    /// <summary>The result of <paramref name="analysis"/> on <paramref name="text"/>, or why the process could not give one.</summary>
    public AnalysedText Analyse(string analysis, string text)
    {
        var (result, failure) = process.Analyse(analysis, text, backstop);
        return new AnalysedText(result, failure);
    }

    /// <summary>Leaves a sound process idle for the program's next sandbox or analyser.</summary>
    public void Dispose() => process.Dispose();
}

/// <summary>What an analysis made of a text (<paramref name="Result"/>), or why it made nothing (<paramref name="Failure"/>).</summary>
public sealed record AnalysedText(string? Result, string? Failure);
