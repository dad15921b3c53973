namespace Stop.Tasks.Generation;

/// <summary>Copies of instance data, so a candidate that mutates its inputs never reaches the scorer's own.</summary>
internal static class Copy
{
    /// <summary>
    /// A deep copy of an argument: arrays are copied level by level; strings and primitives are immutable and shared.
    /// Anything else is refused, so a new task with a mutable argument type fails loudly instead of sharing it.
    /// </summary>
    public static object? Deep(object? value) => value switch
    {
        null or string or ValueType => value,
        Array array when array.GetType().GetElementType() is { IsPrimitive: true } or { IsEnum: true } => array.Clone(),
        Array array => DeepArray(array),
        _ => throw new NotSupportedException($"An instance argument of type {value.GetType()} cannot be copied."),
    };

    private static Array DeepArray(Array source)
    {
        // Arrays of references are object arrays by covariance: clone the outer level, then copy each element in place.
        if (source.Rank != 1 || source is not object?[] rows)
        {
            throw new NotSupportedException($"An instance argument of type {source.GetType()} cannot be copied.");
        }
        var copy = (object?[])rows.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Deep(copy[i]);
        }
        return copy;
    }
}
