using System.Collections.Concurrent;

namespace Stop.Tasks.Generation;

/// <summary>Copies of instance data, so a candidate that mutates its inputs never reaches the scorer's own.</summary>
internal static class Copy
{
    // Whether an array type holds primitives or enums, so a shallow clone is a deep one. Asked once per type:
    // a parity instance alone holds 120 arrays, and reflection on each of them cost more than the copying.
    private static readonly ConcurrentDictionary<Type, bool> Flat = new();

    /// <summary>
    /// A deep copy of an argument: arrays are copied level by level; strings and primitives are immutable and shared.
    /// Anything else is refused, so a new task with a mutable argument type fails loudly instead of sharing it.
    /// </summary>
    public static object? Deep(object? value) => value switch
    {
        null or string or ValueType => value,
        // Arrays of references are object arrays by covariance: clone the outer level, then copy each element in place.
        object?[] rows => DeepRows(rows),
        Array array when Flat.GetOrAdd(array.GetType(), static type => type.GetElementType() is { IsPrimitive: true } or { IsEnum: true }) =>
            array.Clone(),
        _ => throw new NotSupportedException($"An instance argument of type {value.GetType()} cannot be copied."),
    };

    private static object?[] DeepRows(object?[] rows)
    {
        var copy = (object?[])rows.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Deep(copy[i]);
        }
        return copy;
    }
}
