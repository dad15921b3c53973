namespace Stop.Sandbox.Admission.Policy;

/// <summary>The policy's decision against one symbol or construct, before it is placed on a line.</summary>
internal sealed record Refusal(string Symbol, PolicyCategory Category)
{
    public PolicyViolation At(int line) => new(Symbol, line, Category, AllowList.Describe(Category));
}
