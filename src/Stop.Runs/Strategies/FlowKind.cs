namespace Stop.Runs.Strategies;

/// <summary>How a value reaches a variable.</summary>
internal enum FlowKind
{
    /// <summary>Assigned, declared, added to, or passed as an argument.</summary>
    Direct,

    /// <summary>One element at a time: a foreach variable, a lambda parameter of a LINQ call on the collection.</summary>
    Iteration,

    /// <summary>An element picked by a computed index, <c>xs[i]</c>.</summary>
    Indexed,
}
