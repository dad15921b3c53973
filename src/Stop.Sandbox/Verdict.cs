namespace Stop.Sandbox;

/// <summary>What became of a candidate. Exactly one per candidate: that of its first instance that was not ok.</summary>
public enum Verdict
{
    Ok,
    CompileError,
    PolicyViolation,
    Timeout,
    OutOfMemory,
    Crashed,
    RuntimeError,
    InvalidOutput,
}

/// <summary>Verdicts as the kebab-case words Stop prints and records.</summary>
public static class VerdictNames
{
    /// <summary>The recorded word for a verdict, e.g. <c>compile-error</c>.</summary>
    public static string ToWord(this Verdict verdict) => verdict switch
    {
        Verdict.Ok => "ok",
        Verdict.CompileError => "compile-error",
        Verdict.PolicyViolation => "policy-violation",
        Verdict.Timeout => "timeout",
        Verdict.OutOfMemory => "out-of-memory",
        Verdict.Crashed => "crashed",
        Verdict.RuntimeError => "runtime-error",
        Verdict.InvalidOutput => "invalid-output",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>Parses a recorded word back to its verdict.</summary>
    public static Verdict Parse(string word) =>
        Enum.GetValues<Verdict>().FirstOrDefault(v => v.ToWord() == word, (Verdict)(-1)) is var v && Enum.IsDefined(v)
            ? v
            : throw new FormatException($"'{word}' is not a verdict.");
}
