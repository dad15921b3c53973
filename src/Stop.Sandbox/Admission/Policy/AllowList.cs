using System.Collections.Frozen;
using static Stop.Sandbox.Admission.Policy.PolicyCategory;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// The audit table: every namespace and type a candidate may reach, and every refusal with its category.
/// A type is looked up by namespace and name without generic arity (<c>System.Func</c> covers every Func).
/// A type not listed takes its namespace's rule; a namespace rule marked "and below" also covers the
/// namespaces under it; anything found nowhere is refused as <see cref="Other"/>.
/// </summary>
internal static class AllowList
{
    /// <summary>Types whose rule differs from their namespace's.</summary>
    public static FrozenDictionary<string, TypeRule> Types { get; } = new Dictionary<string, TypeRule>
    {
        // The core language and primitives.
        // The default hash code of an object comes from a per-thread sequence that runs on across jobs; a struct's mixes
        // in its type's address. Neither is the same in two workers (HashReproducibility judges the other hash codes).
        ["System.Object"] = TypeRule.AllExcept(Reflection, "GetType").Except(UnreproducibleHash, "GetHashCode"),
        // The intern pool is the process's: what one job interns, the next would find there.
        ["System.String"] = TypeRule.AllExcept(PolicyCategory.Environment, "Intern", "IsInterned"),
        ["System.Char"] = TypeRule.Allowed,
        ["System.CharEnumerator"] = TypeRule.Allowed,
        ["System.Boolean"] = TypeRule.Allowed,
        ["System.Byte"] = TypeRule.Allowed,
        ["System.SByte"] = TypeRule.Allowed,
        ["System.Int16"] = TypeRule.Allowed,
        ["System.UInt16"] = TypeRule.Allowed,
        ["System.Int32"] = TypeRule.Allowed,
        ["System.UInt32"] = TypeRule.Allowed,
        ["System.Int64"] = TypeRule.Allowed,
        ["System.UInt64"] = TypeRule.Allowed,
        ["System.Int128"] = TypeRule.Allowed,
        ["System.UInt128"] = TypeRule.Allowed,
        ["System.IntPtr"] = TypeRule.Allowed,
        ["System.UIntPtr"] = TypeRule.Allowed,
        ["System.Half"] = TypeRule.Allowed,
        ["System.Single"] = TypeRule.Allowed,
        ["System.Double"] = TypeRule.Allowed,
        ["System.Decimal"] = TypeRule.Allowed,
        ["System.Void"] = TypeRule.Allowed,
        ["System.Enum"] = TypeRule.AllExcept(Reflection, "GetUnderlyingType"),
        ["System.ValueType"] = TypeRule.AllExcept(UnreproducibleHash, "GetHashCode"),
        ["System.TypeCode"] = TypeRule.Allowed,
        ["System.Math"] = TypeRule.Allowed,
        ["System.MathF"] = TypeRule.Allowed,
        ["System.MidpointRounding"] = TypeRule.Allowed,
        ["System.Convert"] = TypeRule.AllExcept(Reflection, "ChangeType").Except(Clock, "ToDateTime"),
        ["System.BitConverter"] = TypeRule.Allowed,
        ["System.HashCode"] = TypeRule.Allowed,
        ["System.StringComparison"] = TypeRule.Allowed,
        ["System.StringComparer"] = TypeRule.Allowed,
        ["System.StringSplitOptions"] = TypeRule.Allowed,

        // Arrays, spans, ranges, tuples.
        ["System.Array"] = TypeRule.AllExcept(Reflection, "CreateInstance", "CreateInstanceFromArrayType"),
        ["System.ArraySegment"] = TypeRule.Allowed,
        ["System.Span"] = TypeRule.Allowed,
        ["System.ReadOnlySpan"] = TypeRule.Allowed,
        ["System.Memory"] = TypeRule.Allowed,
        ["System.ReadOnlyMemory"] = TypeRule.Allowed,
        ["System.MemoryExtensions"] = TypeRule.Allowed,
        ["System.Range"] = TypeRule.Allowed,
        ["System.Index"] = TypeRule.Allowed,
        ["System.ValueTuple"] = TypeRule.Allowed,
        ["System.Tuple"] = TypeRule.Allowed,
        ["System.TupleExtensions"] = TypeRule.Allowed,
        ["System.Nullable"] = TypeRule.Allowed,

        // Delegates and the interfaces candidates implement. A delegate's Method/Target lead to reflection.
        ["System.Func"] = TypeRule.AllExcept(Threading, "BeginInvoke", "EndInvoke"),
        ["System.Action"] = TypeRule.AllExcept(Threading, "BeginInvoke", "EndInvoke"),
        ["System.Predicate"] = TypeRule.AllExcept(Threading, "BeginInvoke", "EndInvoke"),
        ["System.Comparison"] = TypeRule.AllExcept(Threading, "BeginInvoke", "EndInvoke"),
        ["System.Converter"] = TypeRule.AllExcept(Threading, "BeginInvoke", "EndInvoke"),
        ["System.Delegate"] = TypeRule.AllExcept(Reflection, "Method", "Target", "DynamicInvoke", "CreateDelegate"),
        ["System.MulticastDelegate"] = TypeRule.AllExcept(Reflection, "Method", "Target", "DynamicInvoke", "CreateDelegate"),
        ["System.IComparable"] = TypeRule.Allowed,
        ["System.IEquatable"] = TypeRule.Allowed,
        ["System.IFormattable"] = TypeRule.Allowed,
        ["System.IFormatProvider"] = TypeRule.Allowed,
        ["System.ISpanFormattable"] = TypeRule.Allowed,
        ["System.IParsable"] = TypeRule.Allowed,
        ["System.ISpanParsable"] = TypeRule.Allowed,
        ["System.IDisposable"] = TypeRule.Allowed,
        ["System.ICloneable"] = TypeRule.Allowed,

        // Attributes with no effect outside the compiler.
        ["System.Attribute"] = TypeRule.Only(Reflection, ".ctor", "Equals", "GetHashCode", "Match", "IsDefaultAttribute"),
        ["System.AttributeUsageAttribute"] = TypeRule.Allowed,
        ["System.AttributeTargets"] = TypeRule.Allowed,
        ["System.FlagsAttribute"] = TypeRule.Allowed,
        ["System.ObsoleteAttribute"] = TypeRule.Allowed,

        // Exceptions a candidate may create, throw and catch. TargetSite hands out a MethodBase.
        ["System.Exception"] = TypeRule.AllExcept(Reflection, "TargetSite"),
        ["System.SystemException"] = TypeRule.Allowed,
        ["System.ApplicationException"] = TypeRule.Allowed,
        ["System.ArgumentException"] = TypeRule.Allowed,
        ["System.ArgumentNullException"] = TypeRule.Allowed,
        ["System.ArgumentOutOfRangeException"] = TypeRule.Allowed,
        ["System.ArithmeticException"] = TypeRule.Allowed,
        ["System.ArrayTypeMismatchException"] = TypeRule.Allowed,
        ["System.DivideByZeroException"] = TypeRule.Allowed,
        ["System.FormatException"] = TypeRule.Allowed,
        ["System.IndexOutOfRangeException"] = TypeRule.Allowed,
        ["System.InvalidCastException"] = TypeRule.Allowed,
        ["System.InvalidOperationException"] = TypeRule.Allowed,
        ["System.NotImplementedException"] = TypeRule.Allowed,
        ["System.NotSupportedException"] = TypeRule.Allowed,
        ["System.NullReferenceException"] = TypeRule.Allowed,
        ["System.ObjectDisposedException"] = TypeRule.Allowed,
        ["System.OverflowException"] = TypeRule.Allowed,
        ["System.RankException"] = TypeRule.Allowed,

        // Randomness: allowed because instrumentation seeds new Random() and Random.Shared.
        ["System.Random"] = TypeRule.Allowed,
        ["System.Guid"] = TypeRule.AllExcept(Randomness, "NewGuid", "CreateVersion7"),

        // Dates and times are data; reading the clock is not, nor is the machine's time zone. Parsing a time without a
        // date fills in today's, and parsing one with an offset converts it to local time.
        ["System.DateTime"] = TypeRule.AllExcept(Clock, "Now", "UtcNow", "Today", "Parse", "TryParse", "ParseExact", "TryParseExact")
            .Except(PolicyCategory.Environment, "ToLocalTime", "ToUniversalTime", "ToFileTime", "FromFileTime", "IsDaylightSavingTime"),
        // Local offsets come from the machine's time zone, and this type reaches them in many ways (constructors, conversions).
        ["System.DateTimeOffset"] = TypeRule.Refuse(PolicyCategory.Environment),
        ["System.DateTimeKind"] = TypeRule.Allowed,
        ["System.DateOnly"] = TypeRule.Allowed,
        ["System.TimeOnly"] = TypeRule.Allowed,
        ["System.TimeSpan"] = TypeRule.Allowed,
        ["System.DayOfWeek"] = TypeRule.Allowed,
        ["System.TimeProvider"] = TypeRule.Refuse(Clock),
        ["System.Diagnostics.Stopwatch"] = TypeRule.Refuse(Clock),

        // Console output is captured by the worker; console input and console state are not the candidate's.
        ["System.Console"] = TypeRule.Only(ConsoleInput, "Write", "WriteLine", "Out", "Error"),
        ["System.IO.TextWriter"] = TypeRule.Only(Files, "Write", "WriteLine", "Flush"),

        // The process and its runtime.
        ["System.Environment"] = TypeRule.Only(PolicyCategory.Environment, "NewLine").Except(Clock, "TickCount", "TickCount64"),
        ["System.AppContext"] = TypeRule.Refuse(PolicyCategory.Environment),
        ["System.GC"] = TypeRule.Refuse(GarbageCollector),
        ["System.WeakReference"] = TypeRule.Refuse(GarbageCollector),
        ["System.Runtime.GCSettings"] = TypeRule.Refuse(GarbageCollector),
        ["System.AppDomain"] = TypeRule.Refuse(PolicyCategory.AppDomain),
        ["System.Activator"] = TypeRule.Refuse(Reflection),
        ["System.Type"] = TypeRule.Refuse(Reflection),
        ["System.TypedReference"] = TypeRule.Refuse(PolicyCategory.Unsafe),
        ["System.ArgIterator"] = TypeRule.Refuse(PolicyCategory.Unsafe),
        ["System.RuntimeArgumentHandle"] = TypeRule.Refuse(PolicyCategory.Unsafe),
        ["System.Runtime.CompilerServices.Unsafe"] = TypeRule.Refuse(PolicyCategory.Unsafe),

        // Lazy<T> brings thread-safety modes and locks; a candidate can write the two lines itself.
        ["System.Lazy"] = TypeRule.Refuse(Threading),

        // LINQ to objects, but not to expression trees or threads.
        // Shuffle draws from Random.Shared inside the library, where no seed reaches it.
        ["System.Linq.Enumerable"] = TypeRule.AllExcept(Randomness, "Shuffle"),
        ["System.Linq.IOrderedEnumerable"] = TypeRule.Allowed,
        ["System.Linq.ILookup"] = TypeRule.Allowed,
        ["System.Linq.IGrouping"] = TypeRule.Allowed,
        ["System.Linq.Lookup"] = TypeRule.Allowed,
        ["System.Linq.Queryable"] = TypeRule.Refuse(Expressions),
        ["System.Linq.IQueryable"] = TypeRule.Refuse(Expressions),
        ["System.Linq.IOrderedQueryable"] = TypeRule.Refuse(Expressions),
        ["System.Linq.IQueryProvider"] = TypeRule.Refuse(Expressions),
        ["System.Linq.EnumerableQuery"] = TypeRule.Refuse(Expressions),
        ["System.Linq.ParallelEnumerable"] = TypeRule.Refuse(Threading),
        ["System.Linq.ParallelQuery"] = TypeRule.Refuse(Threading),
        ["System.Linq.OrderedParallelQuery"] = TypeRule.Refuse(Threading),

        // Vector<T> holds as many elements as the processor's widest vector register: 8 ints on one machine, 16 on another.
        ["System.Numerics.Vector"] = TypeRule.Refuse(MachineDependent),
        // These take vectorised paths that round differently with and without AVX2, and on Arm.
        ["System.Numerics.Vector2"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Vector3"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Vector4"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Matrix3x2"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Matrix4x4"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Quaternion"] = TypeRule.Refuse(MachineDependent),
        ["System.Numerics.Plane"] = TypeRule.Refuse(MachineDependent),
        // One call costs more than the square of its numbers' size: BigInteger.Pow(7, 1_000_000).ToString() took 30 s
        // for one unit of fuel, and numbers a gigabyte allows would take days.
        ["System.Numerics.BigInteger"] = TypeRule.Refuse(Unmetered),

        // Hashes by object identity, whatever type it is handed as (IEqualityComparer<string> by variance).
        ["System.Collections.Generic.ReferenceEqualityComparer"] = TypeRule.Refuse(UnreproducibleHash),

        // Inlining hints only; the rest of the namespace is the compiler's machinery.
        ["System.Runtime.CompilerServices.MethodImplAttribute"] = TypeRule.Allowed,
        ["System.Runtime.CompilerServices.MethodImplOptions"] = TypeRule.Allowed,

        ["System.Collections.Immutable.ImmutableInterlocked"] = TypeRule.Refuse(Threading),
        // Keys of type object, in an order their hash codes decide: no static type says whether they are reproducible.
        ["System.Collections.Hashtable"] = TypeRule.Refuse(UnreproducibleHash),
        ["System.Collections.DictionaryBase"] = TypeRule.Refuse(UnreproducibleHash),

        ["System.Text.StringBuilder"] = TypeRule.Allowed,
        ["System.Text.Rune"] = TypeRule.Allowed,
        ["System.Text.StringRuneEnumerator"] = TypeRule.Allowed,
        ["System.Text.SpanRuneEnumerator"] = TypeRule.Allowed,
        ["System.Text.SpanLineEnumerator"] = TypeRule.Allowed,
        ["System.Text.NormalizationForm"] = TypeRule.Allowed,

        // Culture is process state; the invariant culture and parsing styles are data.
        ["System.Globalization.CultureInfo"] = TypeRule.Only(PolicyCategory.Environment, "InvariantCulture"),
        ["System.Globalization.NumberStyles"] = TypeRule.Allowed,
        ["System.Globalization.DateTimeStyles"] = TypeRule.Allowed,
        ["System.Globalization.UnicodeCategory"] = TypeRule.Allowed,
        ["System.Globalization.CharUnicodeInfo"] = TypeRule.Allowed,

        // The improver API. Minting a LanguageModel or Utility would mint a budget.
        ["Stop.Guest.LanguageModel"] = TypeRule.Only(BudgetTampering, "Prompt", "BatchPrompt", "Budget", "MaxResponsesPerCall"),
        ["Stop.Guest.Utility"] = TypeRule.Only(BudgetTampering, "Score", "Source", "Budget", "Uses"),
        ["Stop.Guest.Code"] = TypeRule.Only(BudgetTampering, "Extract"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Namespaces: the rule for their types that <see cref="Types"/> does not list.</summary>
    public static FrozenDictionary<string, NamespaceRule> Namespaces { get; } = new Dictionary<string, NamespaceRule>
    {
        ["System"] = NamespaceRule.Refuse(Other),
        ["System.Collections"] = NamespaceRule.Allowed,
        ["System.Collections.Generic"] = NamespaceRule.Allowed,
        ["System.Collections.ObjectModel"] = NamespaceRule.Allowed,
        ["System.Collections.Immutable"] = NamespaceRule.Allowed,
        ["System.Collections.Frozen"] = NamespaceRule.Allowed,
        ["System.Collections.Concurrent"] = NamespaceRule.RefuseAndBelow(Threading),
        ["System.Numerics"] = NamespaceRule.Allowed,

        // Nullability attributes only inform the compiler.
        ["System.Diagnostics.CodeAnalysis"] = NamespaceRule.Allowed,

        ["System.IO"] = NamespaceRule.RefuseAndBelow(Files),
        ["System.Net"] = NamespaceRule.RefuseAndBelow(Network),
        ["System.Diagnostics"] = NamespaceRule.RefuseAndBelow(Process),
        ["System.Reflection"] = NamespaceRule.RefuseAndBelow(Reflection),
        ["System.Linq.Expressions"] = NamespaceRule.RefuseAndBelow(Expressions),
        ["System.Runtime.CompilerServices"] = NamespaceRule.RefuseAndBelow(Reflection),
        ["System.Runtime.InteropServices"] = NamespaceRule.RefuseAndBelow(Interop),
        ["System.Runtime.Loader"] = NamespaceRule.RefuseAndBelow(PolicyCategory.AppDomain),
        ["System.Threading"] = NamespaceRule.RefuseAndBelow(Threading),
        ["System.Timers"] = NamespaceRule.RefuseAndBelow(Threading),
        ["System.Security.Cryptography"] = NamespaceRule.RefuseAndBelow(Randomness),

        // Backtracking runs inside the regex engine, where fuel metering cannot count it.
        ["System.Text.RegularExpressions"] = NamespaceRule.RefuseAndBelow(Unmetered),

        // The rest of the guest assembly is the host bridge behind the improver API.
        ["Stop.Guest"] = NamespaceRule.Refuse(BudgetTampering),
        ["Stop.Guest.Runtime"] = NamespaceRule.RefuseAndBelow(Instrumentation),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The phrase a violation's message gives for a category.</summary>
    public static string Describe(PolicyCategory category) => category switch
    {
        Files => "files",
        Network => "network",
        Process => "processes",
        PolicyCategory.Environment => "environment",
        Reflection => "reflection",
        Expressions => "expression trees",
        Dynamic => "dynamic",
        PolicyCategory.Unsafe => "unsafe code",
        Interop => "interop",
        Threading => "threading",
        GarbageCollector => "garbage collector",
        PolicyCategory.AppDomain => "app domains and assembly loading",
        ConsoleInput => "console input",
        Clock => "clock",
        Randomness => "unseeded randomness",
        Unmetered => "unmetered",
        BudgetTampering => "budget tampering",
        Instrumentation => "instrumentation",
        UnreproducibleHash => "a hash code that differs from worker to worker",
        MachineDependent => "a result that depends on the processor",
        _ => "not on the allow-list",
    };

    private static readonly TypeRule NotListed = TypeRule.Refuse(Other);

    /// <summary>The rule for a top-level type, given its namespace's full name and its name without arity.</summary>
    public static TypeRule RuleOf(string @namespace, string name)
    {
        if (Types.TryGetValue(@namespace.Length == 0 ? name : $"{@namespace}.{name}", out var rule))
        {
            return rule;
        }
        var exact = true;
        for (var ns = @namespace; ns.Length > 0; ns = Parent(ns), exact = false)
        {
            if (Namespaces.TryGetValue(ns, out var nsRule) && (exact || nsRule.AndBelow))
            {
                return nsRule.Types;
            }
        }
        return NotListed;
    }

    private static string Parent(string ns)
    {
        var dot = ns.LastIndexOf('.');
        return dot < 0 ? "" : ns[..dot];
    }
}
