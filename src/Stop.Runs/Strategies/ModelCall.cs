using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies;

/// <summary>
/// A place where the improver asks the language model: a <c>Prompt</c>/<c>BatchPrompt</c> call, or a call of a
/// local function that wraps one (its arguments mapped onto the wrapped call's parameters).
/// </summary>
internal sealed record ModelCall(
    InvocationExpressionSyntax Site,
    bool IsBatch,
    IReadOnlyList<ExpressionSyntax> Prompt,
    ExpressionSyntax? Responses,
    ExpressionSyntax? Temperature)
{
    /// <summary>The name of the call's result in the data-flow graph.</summary>
    public string Output => ImproverSyntax.CallNode(Site);

    public int Line => Site.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
