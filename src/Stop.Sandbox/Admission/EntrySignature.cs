namespace Stop.Sandbox.Admission;

/// <summary>The method a candidate must define: its name and parameter types (the return value is checked when scored).</summary>
public sealed record EntrySignature(string MethodName, IReadOnlyList<Type> ParameterTypes)
{
    /// <summary>An improver's <c>ImproveAlgorithm(string, Utility, LanguageModel)</c>.</summary>
    public static EntrySignature Improver { get; } =
        new("ImproveAlgorithm", [typeof(string), typeof(Stop.Guest.Utility), typeof(Stop.Guest.LanguageModel)]);

    /// <summary>A task's <c>Algorithm</c> with the given parameter types.</summary>
    public static EntrySignature Solution(IReadOnlyList<Type> parameterTypes) => new("Algorithm", parameterTypes);

    /// <summary>Equal when the names and the parameter types, in order, are: a signature is a value, whichever list holds its types.</summary>
    public bool Equals(EntrySignature? other) =>
        other is not null && MethodName == other.MethodName && ParameterTypes.SequenceEqual(other.ParameterTypes);

    public override int GetHashCode() => ParameterTypes.Aggregate(MethodName.GetHashCode(StringComparison.Ordinal), HashCode.Combine);

    /// <summary>The signature as a person reads it, e.g. <c>Algorithm(int[][], int[], int[][])</c>.</summary>
    public override string ToString() => $"{MethodName}({string.Join(", ", ParameterTypes.Select(CSharpName))})";

    private static string CSharpName(Type type) => type switch
    {
        _ when type.IsArray => CSharpName(type.GetElementType()!) + "[]",
        _ when type == typeof(int) => "int",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(double) => "double",
        _ when type == typeof(string) => "string",
        _ when type == typeof(long) => "long",
        _ => type.FullName ?? type.Name,
    };
}
