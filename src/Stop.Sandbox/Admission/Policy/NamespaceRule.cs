namespace Stop.Sandbox.Admission.Policy;

/// <summary>The rule for a namespace's types that <see cref="AllowList.Types"/> does not list.</summary>
/// <param name="Types">The rule every such type gets.</param>
/// <param name="AndBelow">Whether the rule also covers the namespaces under this one.</param>
internal sealed record NamespaceRule(TypeRule Types, bool AndBelow)
{
    public static NamespaceRule Allowed { get; } = new(TypeRule.Allowed, false);

    public static NamespaceRule Refuse(PolicyCategory category) => new(TypeRule.Refuse(category), false);

    public static NamespaceRule RefuseAndBelow(PolicyCategory category) => new(TypeRule.Refuse(category), true);
}
