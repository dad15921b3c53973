using System.Diagnostics;

namespace Stop.Guest;

/// <summary>Code in model responses (STOP's <c>extract_code</c>).</summary>
[StackTraceHidden]
public static class Code
{
    /// <summary>The largest fenced code block of a response, or null when it has none.</summary>
    public static string? Extract(string? response) => CodeBlocks.Largest(response);
}
