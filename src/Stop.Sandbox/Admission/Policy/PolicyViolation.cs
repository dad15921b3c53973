namespace Stop.Sandbox.Admission.Policy;

/// <summary>One thing a candidate names or does that the policy refuses.</summary>
/// <param name="Symbol">What was refused, e.g. <c>System.IO.File.ReadAllText</c>, <c>new System.Threading.Thread</c> or <c>lock</c>.</param>
/// <param name="Line">The 1-based line in the candidate's text.</param>
/// <param name="Category">The capability it would have reached.</param>
/// <param name="Reason">A short phrase for people, e.g. <c>files</c>.</param>
public sealed record PolicyViolation(string Symbol, int Line, PolicyCategory Category, string Reason)
{
    /// <summary>One line for the candidate's verdict: <c>line 3: System.IO.File.ReadAllText is refused (files)</c>.</summary>
    public string Message => $"line {Line}: {Symbol} is refused ({Reason})";

    public override string ToString() => Message;
}
