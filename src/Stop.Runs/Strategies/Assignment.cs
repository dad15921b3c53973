using Microsoft.CodeAnalysis;

namespace Stop.Runs.Strategies;

/// <summary>
/// A place where a variable gets a value: a declaration, an assignment, <c>x++</c>, an <c>Add</c> to it, a foreach
/// over a collection, a lambda parameter bound to a collection's elements, or an argument bound to a parameter.
/// </summary>
/// <param name="Target">The variable, parameter or local function (whose value is what it returns).</param>
/// <param name="Value">The expression the value comes from; null for <c>x++</c>, which keeps <paramref name="Target"/>'s own sources.</param>
/// <param name="Site">The statement or expression that assigns.</param>
/// <param name="Kind">Whether the whole value flows, or one element at a time.</param>
internal sealed record Assignment(string Target, SyntaxNode? Value, SyntaxNode Site, FlowKind Kind);
