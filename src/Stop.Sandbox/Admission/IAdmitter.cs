namespace Stop.Sandbox.Admission;

/// <summary>Where one admission thread compiles: in the host (<see cref="InProcessAdmitter"/>) or in a process of its own (<see cref="AdmissionProcess"/>).</summary>
internal interface IAdmitter : IDisposable
{
    /// <summary>What admission makes of each request, in order; the same whatever company a request comes in.</summary>
    IReadOnlyList<AdmittedCandidate> AdmitMany(IReadOnlyList<AdmissionRequest> requests);
}

/// <summary>Admission in the host's own process, bounded only by Roslyn's cancellation (see <see cref="SandboxOptions.IsolateAdmission"/>).</summary>
internal sealed class InProcessAdmitter(CandidateCompiler compiler) : IAdmitter
{
    public IReadOnlyList<AdmittedCandidate> AdmitMany(IReadOnlyList<AdmissionRequest> requests) => compiler.AdmitMany(requests);

    public void Dispose()
    {
    }
}
