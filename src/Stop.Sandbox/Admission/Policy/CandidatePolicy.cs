using Microsoft.CodeAnalysis;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// The admission policy for candidate programs: a symbol-level allow-list over everything a candidate's
/// syntax names or invokes, plus constructs refused outright (unsafe code, dynamic, lock, async,
/// typeof, extern, finalizers, #r/#load). See <see cref="AllowList"/> for the table itself.
/// </summary>
public static class CandidatePolicy
{
    /// <summary>
    /// The <see cref="SyntaxAnnotation"/> kind instrumentation puts on the nodes it synthesizes. The policy
    /// does not judge an annotated node, but still judges its children, so a candidate's expression
    /// wrapped in instrumentation is checked as before. Candidate text cannot carry annotations.
    /// </summary>
    public const string InstrumentationAnnotationKind = "stop-instrumented";

    /// <summary>Checks a candidate; nodes annotated with <see cref="InstrumentationAnnotationKind"/> are exempt.</summary>
    /// <param name="model">The semantic model of the candidate's tree in its script compilation.</param>
    /// <param name="root">The root of that tree (or a subtree of it) to check.</param>
    /// <param name="ct">Cancels the check.</param>
    public static PolicyReport Check(SemanticModel model, SyntaxNode root, CancellationToken ct = default) =>
        Check(model, root, static node => node.HasAnnotations(InstrumentationAnnotationKind), ct);

    /// <summary>Checks a candidate, leaving out the nodes <paramref name="exempt"/> picks (their children are still checked).</summary>
    public static PolicyReport Check(SemanticModel model, SyntaxNode root, Func<SyntaxNode, bool> exempt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(exempt);
        if (root.SyntaxTree != model.SyntaxTree)
        {
            throw new ArgumentException("The root must belong to the semantic model's syntax tree.", nameof(root));
        }
        return new PolicyWalker(model, exempt, ct).Run(root);
    }

    /// <summary>Annotates <paramref name="node"/> and every node under it as synthesized by instrumentation.</summary>
    public static T MarkInstrumented<T>(T node)
        where T : SyntaxNode
    {
        ArgumentNullException.ThrowIfNull(node);
        var annotation = new SyntaxAnnotation(InstrumentationAnnotationKind);
        return node.ReplaceNodes(node.DescendantNodesAndSelf(), (_, rewritten) => rewritten.WithAdditionalAnnotations(annotation));
    }
}
