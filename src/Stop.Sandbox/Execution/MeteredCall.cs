using System.Diagnostics;
using System.Text;
using Stop.Guest.Runtime;

namespace Stop.Sandbox.Execution;

/// <summary>The outcome of one metered call of candidate code.</summary>
internal readonly record struct MeteredResult(Verdict Verdict, string? Reason, object? Value, long Fuel, DecidedBy DecidedBy);

/// <summary>
/// Runs candidate code under the meter and turns what happened into a verdict. An exhausted meter wins
/// over whatever the candidate did afterwards, so catching the exhaustion cannot change the outcome.
/// </summary>
[StackTraceHidden]
internal static class MeteredCall
{
    public static MeteredResult Run(Func<object?> call, long fuel, int maxDepth, int seed)
    {
        Meter.Reset(fuel, maxDepth);
        SeededRandom.Reset(seed);
        object? value = null;
        Exception? failure = null;
        string? description = null;
        try
        {
            value = call();
        }
        catch (Exception exception)
        {
            failure = exception;
            // A candidate's exception type may compute its Message: that is candidate code, so it runs metered too.
            description = Describe(exception);
        }
        var used = Meter.FuelUsed;
        if (Meter.Trip == MeterTrip.Memory)
        {
            // However the candidate carried on after it, running out of memory decided: the cap did, not a count.
            return new(Verdict.OutOfMemory, "ran out of memory (the worker's heap cap or stack guard)", null, used, DecidedBy.MemoryCap);
        }
        if (Meter.Trip != MeterTrip.None)
        {
            var reason = Meter.Trip == MeterTrip.Depth
                ? $"call depth passed {maxDepth} (unbounded recursion?)"
                : $"ran out of fuel ({fuel:N0} units)";
            return new(Verdict.Timeout, reason, null, used, DecidedBy.Counted);
        }
        return failure switch
        {
            null => new(Verdict.Ok, null, value, used, DecidedBy.Counted),
            OutOfMemoryException or InsufficientExecutionStackException =>
                new(Verdict.OutOfMemory, description, null, used, DecidedBy.MemoryCap),
            _ => new(Verdict.RuntimeError, description, null, used, DecidedBy.Counted),
        };
    }

    private static string Describe(Exception exception)
    {
        string message;
        try
        {
            message = exception.Message;
        }
        catch (Exception)
        {
            // The candidate's Message threw, or ran out of fuel: the meter's trip, if any, decides the verdict.
            return exception.GetType().Name;
        }
        return $"{exception.GetType().Name}: {Summary(message)}";
    }

    /// <summary>How much of a message a reason keeps.</summary>
    private const int MaxMessageChars = 300;

    /// <summary>
    /// A message on one line (each line ending a space, as <see cref="string.ReplaceLineEndings(string)"/> makes it), without the
    /// namespace a wrapped candidate's types live in (<c>StopCandidate_0123456789abcdef.Candidate+Node</c> reads
    /// <c>Candidate+Node</c>, as for a candidate compiled as a script), cut at <see cref="MaxMessageChars"/>. One pass,
    /// which stops once the cut is reached: this runs outside the meter, so it must cost no more than reading the
    /// message once, however long the candidate made it and however many prefixes it packed into it.
    /// </summary>
    internal static string Summary(string message)
    {
        var prefix = Admission.BatchCompiler.NamespacePrefix;
        var text = new StringBuilder(Math.Min(message.Length, MaxMessageChars + 1));
        var at = 0;
        while (at < message.Length && text.Length <= MaxMessageChars)
        {
            if (string.CompareOrdinal(message, at, prefix, 0, prefix.Length) == 0)
            {
                var end = at + prefix.Length;
                while (end < message.Length && char.IsAsciiHexDigit(message[end]))
                {
                    end++;
                }
                if (end < message.Length && message[end] == '.' && end > at + prefix.Length)
                {
                    at = end + 1;
                }
                else
                {
                    text.Append(message, at, end - at);
                    at = end;
                }
                continue;
            }
            var c = message[at];
            if (c == '\r' && at + 1 < message.Length && message[at + 1] == '\n')
            {
                at++;
            }
            text.Append(c is '\r' or '\n' or '\f' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
            at++;
        }
        return text.Length > MaxMessageChars ? text.ToString(0, MaxMessageChars) + "…" : text.ToString();
    }
}
