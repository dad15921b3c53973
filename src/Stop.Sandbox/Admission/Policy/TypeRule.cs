using System.Collections.Frozen;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// What the policy allows of one type: nothing (refused even by name), everything, or a member list.
/// A nested type counts as a member of the type that contains it.
/// </summary>
internal sealed class TypeRule
{
    private readonly FrozenDictionary<string, PolicyCategory?> members;

    private TypeRule(PolicyCategory? refused, PolicyCategory? otherMembers, IEnumerable<KeyValuePair<string, PolicyCategory?>> members)
    {
        Refused = refused;
        OtherMembers = otherMembers;
        this.members = members.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The whole type is allowed.</summary>
    public static TypeRule Allowed { get; } = new(null, null, []);

    /// <summary>Set when the type may not even be named.</summary>
    public PolicyCategory? Refused { get; }

    /// <summary>The category for members not listed; null when unlisted members are allowed.</summary>
    public PolicyCategory? OtherMembers { get; }

    /// <summary>The whole type is refused, even by name.</summary>
    public static TypeRule Refuse(PolicyCategory category) => new(category, category, []);

    /// <summary>The type may be named; only <paramref name="allowed"/> members may be used, the rest are refused as <paramref name="category"/>.</summary>
    public static TypeRule Only(PolicyCategory category, params string[] allowed) =>
        new(null, category, allowed.Select(m => KeyValuePair.Create(m, (PolicyCategory?)null)));

    /// <summary>Everything is allowed except <paramref name="refused"/>.</summary>
    public static TypeRule AllExcept(PolicyCategory category, params string[] refused) => Allowed.Except(category, refused);

    /// <summary>A copy that also refuses <paramref name="refused"/> as <paramref name="category"/>.</summary>
    public TypeRule Except(PolicyCategory category, params string[] refused) =>
        new(Refused, OtherMembers, members.Concat(refused.Select(m => KeyValuePair.Create(m, (PolicyCategory?)category))));

    /// <summary>The members refused by name (not those an allow-list of members leaves out).</summary>
    public IEnumerable<string> RefusedMembers => members.Where(pair => pair.Value is not null).Select(pair => pair.Key);

    /// <summary>The category refusing the member (".ctor" for constructors), or null when it is allowed.</summary>
    public PolicyCategory? Member(string name) =>
        Refused ?? (members.TryGetValue(name, out var category) ? category
            : SkipsChecks(name) ? PolicyCategory.Unsafe
            : Estimates(name) ? PolicyCategory.MachineDependent
            : OtherMembers);

    /// <summary>
    /// Members that say in their name that they skip checks are refused on every type, listed or not:
    /// <c>Vector.LoadUnsafe</c> and <c>StoreUnsafe</c> read and write past an array's end, and <c>CreateScalarUnsafe</c>
    /// leaves elements undefined. New ones arrive with every .NET release.
    /// </summary>
    private static bool SkipsChecks(string name) => name.Contains("Unsafe", StringComparison.Ordinal);

    /// <summary>
    /// Members that return a hardware approximation (<c>Math.ReciprocalEstimate</c>, <c>double.ReciprocalSqrtEstimate</c>)
    /// or convert as the processor does (<c>double.ConvertToIntegerNative</c>: NaN is <c>long.MinValue</c> on x64 and 0
    /// on Arm64) give different bits on different processors, on every type that has them.
    /// </summary>
    private static bool Estimates(string name) =>
        name.EndsWith("Estimate", StringComparison.Ordinal) || name.EndsWith("Native", StringComparison.Ordinal);
}
