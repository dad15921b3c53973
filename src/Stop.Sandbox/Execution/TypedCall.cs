using System.Diagnostics;
using System.Collections.Concurrent;
using System.Reflection;

namespace Stop.Sandbox.Execution;

/// <summary>
/// Calls a candidate's method through a delegate of its exact parameter types. Reflection's own invoke compiles a stub
/// for every method it calls twice, and each job's method is new, so every job paid for one; the adapters here are
/// compiled once per signature, and a task has one signature.
/// </summary>
[StackTraceHidden]
internal static class TypedCall
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;

    private static readonly MethodInfo[] Open =
        [.. new[] { nameof(Call1), nameof(Call2), nameof(Call3) }.Select(name => typeof(TypedCall).GetMethod(name, Private)!)];

    private static readonly ConcurrentDictionary<string, MethodInfo> Adapters = new();

    /// <summary>
    /// A call of <paramref name="method"/> on <paramref name="target"/> taking the arguments as an array, or null when
    /// the signature has no adapter (no parameters or more than three, by-reference parameters, a value returned by value,
    /// or a parameter type of the candidate's own, which a cached adapter would keep loaded).
    /// </summary>
    public static Func<object?[], object?>? For(MethodInfo method, object? target)
    {
        var parameters = method.GetParameters();
        var types = parameters.Select(p => p.ParameterType).ToArray();
        if (types.Length is 0 || types.Length > Open.Length || method.ReturnType.IsValueType
            || types.Any(type => type.IsByRef || type.IsPointer || type.Assembly.IsCollectible))
        {
            return null;
        }
        var function = Type.GetType($"System.Func`{types.Length + 1}", throwOnError: true)!.MakeGenericType([.. types, typeof(object)]);
        var call = method.CreateDelegate(function, target);
        var adapter = Adapters.GetOrAdd(
            string.Join(',', types.Select(type => type.AssemblyQualifiedName)),
            _ => Open[types.Length - 1].MakeGenericMethod(types));
        return adapter.CreateDelegate<Func<object?[], object?>>(call);
    }

    private static object? Call1<T1>(Func<T1, object?> call, object?[] arguments) =>
        call((T1)Take(arguments, 1)[0]!);

    private static object? Call2<T1, T2>(Func<T1, T2, object?> call, object?[] arguments) =>
        call((T1)Take(arguments, 2)[0]!, (T2)arguments[1]!);

    private static object? Call3<T1, T2, T3>(Func<T1, T2, T3, object?> call, object?[] arguments) =>
        call((T1)Take(arguments, 3)[0]!, (T2)arguments[1]!, (T3)arguments[2]!);

    private static object?[] Take(object?[] arguments, int count) => arguments.Length == count
        ? arguments
        : throw new InvalidOperationException("The candidate's method does not take the task's arguments.");
}
