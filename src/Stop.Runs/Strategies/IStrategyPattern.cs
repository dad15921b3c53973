namespace Stop.Runs.Strategies;

/// <summary>
/// Recognises one strategy from the shape of an improver's code. A pattern looks at syntax and data flow only,
/// never at comments, identifier names or string contents, so renaming a variable cannot change its verdict.
/// </summary>
internal interface IStrategyPattern
{
    ImproverStrategy Strategy { get; }

    /// <summary>The evidence for the strategy, or null when the structure is not there.</summary>
    DetectedStrategy? Find(ImproverSyntax improver);
}
