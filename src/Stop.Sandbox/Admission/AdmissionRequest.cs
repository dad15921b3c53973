namespace Stop.Sandbox.Admission;

/// <summary>One candidate text to admit, as what kind of program and with which entry point.</summary>
public sealed record AdmissionRequest(string Text, CandidateKind Kind, EntrySignature Signature);
