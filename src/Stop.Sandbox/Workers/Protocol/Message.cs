using System.Text.Json.Serialization;

namespace Stop.Sandbox.Workers.Protocol;

/// <summary>
/// One frame on a worker's channel. The host sends jobs and replies; the worker sends the improver's calls
/// and results. An admission process takes <see cref="AdmitCandidates"/> and answers <see cref="CandidatesAdmitted"/>;
/// it takes <see cref="AnalyseText"/> and answers <see cref="TextAnalysed"/>.
/// Frames are JSON behind a 4-byte little-endian length.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EvaluateSolution), "evaluate-solution")]
[JsonDerivedType(typeof(RunImprover), "run-improver")]
[JsonDerivedType(typeof(PromptCall), "prompt-call")]
[JsonDerivedType(typeof(ScoreCall), "score-call")]
[JsonDerivedType(typeof(CallReply), "call-reply")]
[JsonDerivedType(typeof(SolutionOutcome), "solution-outcome")]
[JsonDerivedType(typeof(InstancesScored), "instances-scored")]
[JsonDerivedType(typeof(ImproverOutcome), "improver-outcome")]
[JsonDerivedType(typeof(AdmitCandidates), "admit-candidates")]
[JsonDerivedType(typeof(CandidatesAdmitted), "candidates-admitted")]
[JsonDerivedType(typeof(AnalyseText), "analyse-text")]
[JsonDerivedType(typeof(TextAnalysed), "text-analysed")]
public abstract record Message;

/// <summary>The candidate code a job runs: its content hash, its emitted bytes, where its method is and whether top-level code runs first.</summary>
public sealed record CandidateImage(string Hash, byte[] Assembly, string TypeName, string MethodName, bool IsStatic, bool HasTopLevelCode, string ParameterTypes)
{
    /// <summary>The image of an admitted candidate.</summary>
    public static CandidateImage Of(Admission.AdmittedCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Assembly is null || candidate.Entry is null)
        {
            throw new ArgumentException("Only an admitted candidate has an image.", nameof(candidate));
        }
        return new(candidate.Hash, candidate.Assembly, candidate.Entry.TypeName, candidate.Entry.MethodName, candidate.Entry.IsStatic, candidate.Entry.HasTopLevelCode, candidate.Entry.ParameterTypes);
    }
}

/// <summary>Counted limits for one call of a candidate.</summary>
public sealed record Limits(long Fuel, int MaxDepth, int MaxOutputChars);

/// <summary>Score a solution on a task split, instance by instance, inside the worker.</summary>
public sealed record EvaluateSolution(CandidateImage Candidate, string Task, string Split, Limits Limits) : Message;

/// <summary>Run an improver once; its model and utility calls come back to the host as <see cref="PromptCall"/> and <see cref="ScoreCall"/>.</summary>
public sealed record RunImprover(CandidateImage Candidate, ImproverInput Input, Limits Limits) : Message;

/// <summary>An improver asks the host's language model.</summary>
public sealed record PromptCall(int LanguageModel, string Expertise, IReadOnlyList<string> Messages, double Temperature) : Message;

/// <summary>An improver asks the host's utility to score a solution.</summary>
public sealed record ScoreCall(int Utility, string Solution) : Message;

/// <summary>The host's answer to a call: completions or a score, or the error message to raise in the improver.</summary>
public sealed record CallReply(IReadOnlyList<string>? Completions, double? Score, string? Error) : Message;

/// <summary>
/// The worker has scored <paramref name="Count"/> instances of its job: sent when a second or more has passed since the
/// job began or since the last such message, so that the wall-clock backstop guards each instance, not the sum of a
/// job's instances, all of which counted fuel may let run for seconds.
/// </summary>
public sealed record InstancesScored(int Count) : Message;

/// <summary>One instance's result.</summary>
public sealed record InstanceOutcome(int Index, string Verdict, double Score, long Fuel, string? Reason);

/// <summary>How a solution fared on a split.</summary>
public sealed record SolutionOutcome(
    string Verdict,
    string Reason,
    double Score,
    long Fuel,
    IReadOnlyList<InstanceOutcome> Instances,
    string Console) : Message
{
    /// <summary>The job left more heap behind than the worker could free: the next job would start with less room.</summary>
    public bool Spent { get; init; }
}

/// <summary>How an improver run ended: what it returned, or why it returned nothing.</summary>
public sealed record ImproverOutcome(string Verdict, string Reason, string? Result, long Fuel, string Console) : Message
{
    /// <inheritdoc cref="SolutionOutcome.Spent"/>
    public bool Spent { get; init; }
}

/// <summary>A candidate's text to admit, with its entry point's parameter types by assembly-qualified name.</summary>
public sealed record CandidateText(string Text, Admission.CandidateKind Kind, string MethodName, IReadOnlyList<string> ParameterTypes)
{
    /// <summary>The request as it crosses to an admission process.</summary>
    public static CandidateText Of(Admission.AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Text, request.Kind, request.Signature.MethodName,
            [.. request.Signature.ParameterTypes.Select(type => type.AssemblyQualifiedName ?? throw new ArgumentException($"{type} has no name to send."))]);
    }

    /// <summary>The request again, on the admission process's side.</summary>
    public Admission.AdmissionRequest ToRequest() =>
        new(Text, Kind, new Admission.EntrySignature(MethodName, [.. ParameterTypes.Select(name => Type.GetType(name, throwOnError: true)!)]));
}

/// <summary>Admit these candidates together (see <c>CandidateCompiler.AdmitMany</c>), each within the backstop.</summary>
public sealed record AdmitCandidates(IReadOnlyList<CandidateText> Candidates, TimeSpan Backstop) : Message;

/// <summary>
/// What admission made of each candidate, in the order asked. Candidates admitted together share one assembly, sent
/// once in <paramref name="Assemblies"/> (<paramref name="AssemblyOf"/> gives each candidate's index there, or -1),
/// so that an answer grows with the batch's code, not with its code times its size.
/// </summary>
public sealed record CandidatesAdmitted(IReadOnlyList<Admission.AdmittedCandidate> Candidates, IReadOnlyList<byte[]> Assemblies, IReadOnlyList<int> AssemblyOf) : Message
{
    /// <summary>The answer for <paramref name="candidates"/>, each distinct assembly once.</summary>
    public static CandidatesAdmitted Pack(IReadOnlyList<Admission.AdmittedCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var assemblies = new List<byte[]>();
        var of = candidates.Select(c => c.Assembly is null ? -1 : IndexOf(assemblies, c.Assembly)).ToList();
        return new([.. candidates.Select(c => c with { Assembly = null })], assemblies, of);
    }

    /// <summary>The candidates with their assemblies again, shared as they were; null when the answer does not add up.</summary>
    public IReadOnlyList<Admission.AdmittedCandidate>? Unpack()
    {
        if (AssemblyOf.Count != Candidates.Count || AssemblyOf.Any(i => i < -1 || i >= Assemblies.Count))
        {
            return null;
        }
        return [.. Candidates.Select((c, i) => AssemblyOf[i] < 0 ? c : c with { Assembly = Assemblies[AssemblyOf[i]] })];
    }

    private static int IndexOf(List<byte[]> assemblies, byte[] assembly)
    {
        var index = assemblies.FindIndex(a => ReferenceEquals(a, assembly));
        if (index < 0)
        {
            assemblies.Add(assembly);
            index = assemblies.Count - 1;
        }
        return index;
    }
}

/// <summary>
/// Run the analysis registered with the admission process under <paramref name="Analysis"/> over one model text: a
/// reading tool's parse of model text, which costs a process, not the host. The process ends itself when the analysis
/// outlasts <paramref name="Backstop"/> by long.
/// </summary>
public sealed record AnalyseText(string Analysis, string Text, TimeSpan Backstop) : Message;

/// <summary>What the analysis made of the text, spelled as the analysis spells it.</summary>
public sealed record TextAnalysed(string Result) : Message;
