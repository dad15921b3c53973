using System.Collections;
using System.Diagnostics;

namespace Stop.Guest.Runtime;

/// <summary>
/// What a candidate's iterator returns in place of the compiler's: the same sequence, whose Dispose enters a level of
/// depth before the compiler's runs. Disposing a suspended iterator runs the finally blocks around where it waits,
/// the compiler's among them (<c>using</c> and <c>foreach</c> dispose in hidden ones), and what they dispose may be
/// another iterator, and so on down a chain of any length. Syntax cannot reach a hidden finally; this reaches every
/// Dispose, so each step down the chain is counted, and once the limit trips no step is taken at all.
/// </summary>
[StackTraceHidden]
internal static class CountedIterators
{
    public static void Dispose(IDisposable iterator)
    {
        Meter.Enter();
        try
        {
            iterator.Dispose();
        }
        finally
        {
            Meter.Leave();
        }
    }
}

/// <summary>An iterator declared <c>IEnumerator&lt;T&gt;</c> (or <c>IEnumerator</c>, as T = object).</summary>
[StackTraceHidden]
internal sealed class CountedEnumerator<T>(IEnumerator<T> iterator) : IEnumerator<T>
{
    public T Current => iterator.Current;

    object? IEnumerator.Current => iterator.Current;

    public bool MoveNext() => iterator.MoveNext();

    public void Reset() => iterator.Reset();

    public void Dispose() => CountedIterators.Dispose(iterator);
}

/// <summary>
/// An iterator declared <c>IEnumerable&lt;T&gt;</c> (or <c>IEnumerable</c>, as T = object). The compiler's object is both
/// the sequence and its first enumerator, so this is both too, and hands itself out where the compiler's would.
/// </summary>
[StackTraceHidden]
internal sealed class CountedEnumerable<T>(IEnumerable<T> iterator) : IEnumerable<T>, IEnumerator<T>
{
    private readonly IEnumerator<T> enumerator = (IEnumerator<T>)iterator;

    public IEnumerator<T> GetEnumerator()
    {
        var fresh = iterator.GetEnumerator();
        return ReferenceEquals(fresh, iterator) ? this : new CountedEnumerable<T>((IEnumerable<T>)fresh);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public T Current => enumerator.Current;

    object? IEnumerator.Current => enumerator.Current;

    public bool MoveNext() => enumerator.MoveNext();

    public void Reset() => enumerator.Reset();

    public void Dispose() => CountedIterators.Dispose(enumerator);
}
