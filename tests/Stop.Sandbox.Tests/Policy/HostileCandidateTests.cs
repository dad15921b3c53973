using Stop.Sandbox.Admission.Policy;
using static Stop.Sandbox.Admission.Policy.PolicyCategory;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>One hostile candidate per refused capability, each reached the plainest way.</summary>
public sealed class HostileCandidateTests
{
    public static TheoryData<string, PolicyCategory, string, int> Corpus { get; } = new()
    {
        { "using System.IO;\nvar s = File.ReadAllText(\"/etc/passwd\");", Files, "System.IO.File.ReadAllText", 2 },
        { "using System.IO;\nFile.WriteAllText(\"/tmp/x\", \"owned\");", Files, "System.IO.File.WriteAllText", 2 },
        { "using System.IO;\nvar f = new FileStream(\"x\", FileMode.Open);", Files, "new System.IO.FileStream", 2 },
        { "using System.IO;\nvar fs = Directory.GetFiles(\"/\");", Files, "System.IO.Directory.GetFiles", 2 },
        { "var c = new System.Net.Http.HttpClient();", Network, "new System.Net.Http.HttpClient", 1 },
        { "using System.Net.Sockets;\nvar s = new Socket(SocketType.Stream, ProtocolType.Tcp);", Network, "new System.Net.Sockets.Socket", 2 },
        { "var a = System.Net.Dns.GetHostAddresses(\"example.com\");", Network, "System.Net.Dns.GetHostAddresses", 1 },
        { "System.Diagnostics.Process.Start(\"sh\");", Process, "System.Diagnostics.Process.Start", 1 },
        { "Environment.Exit(1);", PolicyCategory.Environment, "System.Environment.Exit", 1 },
        { "var home = Environment.GetEnvironmentVariable(\"HOME\");", PolicyCategory.Environment, "System.Environment.GetEnvironmentVariable", 1 },
        { "var methods = typeof(string).GetMethods();", Reflection, "System.Type.GetMethods", 1 },
        { "var methods = typeof(string).GetMethods();", Reflection, "typeof", 1 },
        { "var assembly = \"x\".GetType().Assembly;", Reflection, "System.Object.GetType", 1 },
        { "var assembly = \"x\".GetType().Assembly;", Reflection, "System.Type.Assembly", 1 },
        { "var list = Activator.CreateInstance<List<int>>();", Reflection, "System.Activator.CreateInstance", 1 },
        { "var a = System.Reflection.Assembly.Load(\"x\");", Reflection, "System.Reflection.Assembly.Load", 1 },
        { "using System.Linq.Expressions;\nvar e = Expression.Lambda<Func<int>>(Expression.Constant(1));", Expressions, "System.Linq.Expressions.Expression.Lambda", 2 },
        { "var q = new[] { 1 }.AsQueryable();", Expressions, "System.Linq.Queryable.AsQueryable", 1 },
        { "dynamic d = 1;\nd.Anything();", Dynamic, "dynamic", 1 },
        { "var o = System.Runtime.CompilerServices.Unsafe.As<string>(new object());", PolicyCategory.Unsafe, "System.Runtime.CompilerServices.Unsafe.As", 1 },
        { "int Sum()\n{\n    Span<int> s = stackalloc int[1000];\n    return s.Length;\n}", PolicyCategory.Unsafe, "stackalloc", 3 },
        { "int[] a = [1];\nvar r = System.Runtime.InteropServices.MemoryMarshal.GetReference(a.AsSpan());", Interop, "System.Runtime.InteropServices.MemoryMarshal.GetReference", 2 },
        { "var l = new List<int>();\nvar n = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(l).Length;", Interop, "System.Runtime.InteropServices.CollectionsMarshal.AsSpan", 2 },
        { "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", Interop, "extern", 2 },
        { "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();", Interop, "new System.Runtime.InteropServices.DllImportAttribute", 1 },
        { "var t = new System.Threading.Thread(() => { });", Threading, "new System.Threading.Thread", 1 },
        { "System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", Threading, "System.Threading.ThreadPool.QueueUserWorkItem", 1 },
        { "System.Threading.Tasks.Task.Run(() => 1);", Threading, "System.Threading.Tasks.Task.Run", 1 },
        { "System.Threading.Tasks.Parallel.For(0, 10, i => { });", Threading, "System.Threading.Tasks.Parallel.For", 1 },
        { "var s = new[] { 1, 2 }.AsParallel().Sum();", Threading, "System.Linq.ParallelEnumerable.AsParallel", 1 },
        { "var t = new System.Threading.Timer(_ => { }, null, 0, 10);", Threading, "new System.Threading.Timer", 1 },
        { "var l = new Lazy<int>(() => 1);", Threading, "new System.Lazy<T>", 1 },
        { "var o = new object();\nlock (o) { }", Threading, "lock", 2 },
        { "static async System.Threading.Tasks.Task<int> F() { return 1; }", Threading, "async", 1 },
        { "await System.Threading.Tasks.Task.Delay(1);", Threading, "await", 1 },
        { "GC.Collect();", GarbageCollector, "System.GC.Collect", 1 },
        { "class Leaky\n{\n    ~Leaky() { }\n}", GarbageCollector, "~Leaky", 3 },
        { "var d = AppDomain.CurrentDomain;", PolicyCategory.AppDomain, "System.AppDomain.CurrentDomain", 1 },
        { "var c = System.Runtime.Loader.AssemblyLoadContext.Default;", PolicyCategory.AppDomain, "System.Runtime.Loader.AssemblyLoadContext.Default", 1 },
        { "var line = Console.ReadLine();", ConsoleInput, "System.Console.ReadLine", 1 },
        { "var reader = Console.In;", ConsoleInput, "System.Console.In", 1 },
        { "Console.SetOut(new System.IO.StringWriter());", ConsoleInput, "System.Console.SetOut", 1 },
        { "Console.Out.Close();", Files, "System.IO.TextWriter.Close", 1 },
        { "var now = DateTime.Now;", Clock, "System.DateTime.Now", 1 },
        { "var sw = System.Diagnostics.Stopwatch.StartNew();", Clock, "System.Diagnostics.Stopwatch.StartNew", 1 },
        { "var t = Environment.TickCount;", Clock, "System.Environment.TickCount", 1 },
        { "var t = TimeProvider.System.GetUtcNow();", Clock, "System.TimeProvider.System", 1 },
        { "var g = Guid.NewGuid();", Randomness, "System.Guid.NewGuid", 1 },
        { "var n = System.Security.Cryptography.RandomNumberGenerator.GetInt32(10);", Randomness, "System.Security.Cryptography.RandomNumberGenerator.GetInt32", 1 },
        { "var m = System.Text.RegularExpressions.Regex.IsMatch(\"aaaa\", \"(a+)+b\");", Unmetered, "System.Text.RegularExpressions.Regex.IsMatch", 1 },
        { "Stop.Guest.Runtime.Meter.Reset(long.MaxValue, 1000);", Instrumentation, "Stop.Guest.Runtime.Meter.Reset", 1 },
        { "Stop.Guest.Runtime.SeededRandom.Reset(1);", Instrumentation, "Stop.Guest.Runtime.SeededRandom.Reset", 1 },
        { "var lm = new LanguageModel(0, 1000000, 100);", BudgetTampering, "new Stop.Guest.LanguageModel", 1 },
        { "var u = new Utility(0, \"\", 1000000);", BudgetTampering, "new Stop.Guest.Utility", 1 },
        { "ImproverHost.Install(null);", BudgetTampering, "Stop.Guest.ImproverHost.Install", 1 },
        { "var code = CodeBlocks.Largest(\"x\");", BudgetTampering, "Stop.Guest.CodeBlocks.Largest", 1 },
        { "var a = Array.CreateInstance(typeof(int), 3);", Reflection, "System.Array.CreateInstance", 1 },
        { "try { } catch (Exception e) { var m = e.TargetSite; }", Reflection, "System.Exception.TargetSite", 1 },
        { "Func<int> f = () => 1;\nvar m = f.Method;", Reflection, "System.Delegate.Method", 2 },
        { "var seen = string.IsInterned(string.Concat(\"left by \", \"an earlier job\")) is not null;", PolicyCategory.Environment, "System.String.IsInterned", 1 },
        { "var s = string.Intern(new string('x', 3));", PolicyCategory.Environment, "System.String.Intern", 1 },
        { "var c = System.Globalization.CultureInfo.CurrentCulture;", PolicyCategory.Environment, "System.Globalization.CultureInfo.CurrentCulture", 1 },
        { "var pool = System.Buffers.ArrayPool<int>.Shared;", Other, "System.Buffers.ArrayPool<T>.Shared", 1 },
        { "var a = new long[1];\nvar v = System.Numerics.Vector.LoadUnsafe(ref a[0], (nuint)3);", MachineDependent, "System.Numerics.Vector.LoadUnsafe", 2 },
        { "var a = new long[1];\nSystem.Numerics.Vector.StoreUnsafe(System.Numerics.Vector<long>.One, ref a[0], (nuint)3);", MachineDependent, "System.Numerics.Vector.StoreUnsafe", 2 },
        { "var n = System.Numerics.Vector<int>.Count;", MachineDependent, "System.Numerics.Vector<T>.Count", 1 },
        { "var fast = System.Numerics.Vector.IsHardwareAccelerated;", MachineDependent, "System.Numerics.Vector.IsHardwareAccelerated", 1 },
        { "var r = Math.ReciprocalEstimate(3.0);", MachineDependent, "System.Math.ReciprocalEstimate", 1 },
        { "var r = double.ReciprocalSqrtEstimate(3.0);", MachineDependent, "System.Double.ReciprocalSqrtEstimate", 1 },
        { "var r = double.ConvertToIntegerNative<long>(double.NaN);", MachineDependent, "System.Double.ConvertToIntegerNative", 1 },
        { "T Inverse<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => T.ReciprocalEstimate(x);", MachineDependent, "System.Numerics.IFloatingPointIeee754<TSelf>.ReciprocalEstimate", 1 },
        { "var v = System.Numerics.Vector4.CreateScalarUnsafe(1f);", MachineDependent, "System.Numerics.Vector4.CreateScalarUnsafe", 1 },
        { "var s = new[] { 1, 2, 3 }.Shuffle().ToArray();", Randomness, "System.Linq.Enumerable.Shuffle", 1 },
        { "var h = new object().GetHashCode();", UnreproducibleHash, "System.Object.GetHashCode", 1 },
        { "struct Pair { public int A; public object B; }\nvar h = new Pair().GetHashCode();", UnreproducibleHash, "System.ValueType.GetHashCode", 2 },
        { "record R(int A);\nvar h = new R(1).GetHashCode();", UnreproducibleHash, "R.GetHashCode", 2 },
        { "var h = HashCode.Combine(1, new int[1]);", UnreproducibleHash, "System.HashCode.Combine<System.Int32, System.Int32[]>", 1 },
        { "var hash = new HashCode();\nhash.Add(new List<int>());", UnreproducibleHash, "System.HashCode.Add<System.Collections.Generic.List<System.Int32>>", 2 },
        { "var h = (1, new object()).GetHashCode();", UnreproducibleHash, "(System.Int32, System.Object).GetHashCode", 1 },
        { "var h = Tuple.Create(\"x\", new int[1]).GetHashCode();", UnreproducibleHash, "System.Tuple<System.String, System.Int32[]>.GetHashCode", 1 },
        { "var h = HashCode.Combine(new { A = 1, B = new int[1] });", UnreproducibleHash, "System.HashCode.Combine<<anonymous type: System.Int32 A, System.Int32[] B>>", 1 },
        { "var h = EqualityComparer<object>.Default.GetHashCode(new object());", UnreproducibleHash, "System.Collections.Generic.EqualityComparer<System.Object>.GetHashCode", 1 },
        { "var h = ReferenceEqualityComparer.Instance.GetHashCode(\"x\");", UnreproducibleHash, "System.Collections.Generic.ReferenceEqualityComparer.GetHashCode", 1 },
        { "var h = StringComparer.Ordinal.GetHashCode((object)\"x\");", UnreproducibleHash, "System.StringComparer.GetHashCode", 1 },
        { "int H<T>(T x) => EqualityComparer<T>.Default.GetHashCode(x!);", UnreproducibleHash, "System.Collections.Generic.EqualityComparer<T>.GetHashCode", 1 },
        { "Func<int> f = () => 1;\nvar h = f.GetHashCode();", UnreproducibleHash, "System.MulticastDelegate.GetHashCode", 2 },
        { "var s = System.Collections.Immutable.ImmutableHashSet.Create(new object());", UnreproducibleHash, "System.Collections.Immutable.ImmutableHashSet<System.Object>", 1 },
        { "using System.Collections.Frozen;\nvar s = new[] { new int[1] }.ToFrozenSet();", UnreproducibleHash, "System.Collections.Frozen.FrozenSet<System.Int32[]>", 2 },
        { "var t = new System.Collections.Hashtable();", UnreproducibleHash, "new System.Collections.Hashtable", 1 },
        { "class Key\n{\n    public override bool Equals(object o) => o is Key;\n}", UnreproducibleHash, "Key.Equals without Key.GetHashCode", 1 },
        { "struct Cell : IEquatable<Cell>\n{\n    public int A;\n    public bool Equals(Cell c) => c.A == A;\n}", UnreproducibleHash, "Cell.Equals without Cell.GetHashCode", 1 },
        { "struct Spy : ISpanFormattable\n{\n    public bool TryFormat(Span<char> destination, out int written, ReadOnlySpan<char> format, IFormatProvider? provider) { written = 0; return destination.Length > 0; }\n    public string ToString(string? format, IFormatProvider? provider) => \"spy\";\n}", PolicyCategory.Unsafe, "Spy implementing System.ISpanFormattable", 1 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nvar set = new HashSet<(Key, object)>();", UnreproducibleHash, "(Key, System.Object), compared by the candidate's Equals but hashed in part by identity", 6 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nrecord Pair(Key K, int N);\nvar distinct = new[] { new Pair(new Key(), 1) }.Distinct().Count();", UnreproducibleHash, "Pair, compared by the candidate's Equals but hashed in part by identity", 7 },
        { "class Deep\n{\n    public Deep(int n) : this(n == 0 ? null : new(n - 1), 0) { }\n    private Deep(Deep? next, int _) { }\n}", Unmetered, "new(…) in a constructor's arguments to another (name its type)", 3 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nvar boxed = new HashSet<object>();\nboxed.Add((new Key(), new object()));", UnreproducibleHash, "(Key, System.Object), compared by the candidate's Equals but hashed in part by identity", 7 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nvar boxed = new List<object> { new { K = new Key(), O = new object() } };", UnreproducibleHash, "<anonymous type: Key K, System.Object O>, compared by the candidate's Equals but hashed in part by identity", 6 },
        { "class Probe\n{\n    public override bool Equals(object? o) => false;\n    public override int GetHashCode() => 7;\n}\nvar set = new HashSet<object> { new Probe() };\nvar seen = set.Contains(Array.Empty<int>());", UnreproducibleHash, "System.Object as a hashed key in a candidate that writes its own Equals: the framework's objects hash by identity", 6 },
        { "interface IShape { }\nsealed class Square : IShape, IEquatable<Square>\n{\n    public bool Equals(Square? o) => o is not null;\n    public override bool Equals(object? o) => Equals(o as Square);\n    public override int GetHashCode() => 1;\n}\nvar n = new IShape[] { new Square() }.Distinct().Count();", UnreproducibleHash, "IShape as a hashed key in a candidate that writes its own Equals: the framework's objects hash by identity", 8 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nvar d = new Dictionary<(int, IComparable), int>();", UnreproducibleHash, "(System.Int32, System.IComparable) as a hashed key in a candidate that writes its own Equals: the framework's objects hash by identity", 6 },
        { "class Big { public long " + string.Join(", ", Enumerable.Range(0, 100).Select(k => $"F{k}")) + "; }\nclass Bigger : Big { public long " + string.Join(", ", Enumerable.Range(0, 40).Select(k => $"G{k}")) + "; }", Unmetered, "Bigger, an object of more than 1,024 bytes of fields", 2 },
        { "struct Wide { public long A, B, C, D, E, F, G, H; }\nclass Holder { public Wide " + string.Join(", ", Enumerable.Range(0, 20).Select(k => $"W{k}")) + "; }", Unmetered, "Holder, an object of more than 1,024 bytes of fields", 2 },
        { "static long A<T>(int n) => n == 0 ? 1 : B<List<T>>(n - 1);\nstatic long B<T>(int n) => A<T>(n);", Unmetered, "B, in a cycle of generic calls with ever larger type arguments", 1 },
        { "class P<A, B> { }\n" + string.Concat(Enumerable.Range(1, 6).Select(k => $"static object L{k}<T>() => L{k + 1}<P<T, T>>();\n")) + "static object L7<T>() => new P<T, T>();", Unmetered, "L2, called with type arguments that the generic calls after it make more than 256 times larger", 2 },
        { "var digits = System.Numerics.BigInteger.Pow(7, 1_000_000).ToString().Length;", Unmetered, "System.Numerics.BigInteger.Pow", 1 },
        { "class Probe\n{\n    public override bool Equals(object? o) => false;\n    public override int GetHashCode() => 7;\n}\nvar n = new object[] { 1 }.LeftJoin(new object[] { new Probe() }, o => o, p => p, (o, p) => o).Count();", UnreproducibleHash, "System.Object as a hashed key in a candidate that writes its own Equals: the framework's objects hash by identity", 6 },
        { "struct P<A, B> { }\n" + string.Concat(Enumerable.Range(1, 6).Select(k => $"static string M{k}<T>() {{ Func<string> f = M{k + 1}<P<T, T>>; return f(); }}\n")) + "static string M7<T>() => \"\";", Unmetered, "M2, called with type arguments that the generic calls after it make more than 256 times larger", 2 },
        { "interface IV { int Go<T>(int n, T x); }\nclass V : IV\n{\n    public int Go<T>(int n, T x) { IV next = this; return n == 0 ? 0 : next.Go<(T, T)>(n - 1, (x, x)); }\n}", Unmetered, "Go, in a cycle of generic calls with ever larger type arguments", 4 },
        { "struct Walk\n{\n    public int N;\n    public IEnumerable<int> Steps() { yield return N; }\n}", Unmetered, "an iterator that is an instance member of a struct (make it static, or move it to a class)", 4 },
        { "var t = DateTime.Parse(\"00:00\");", Clock, "System.DateTime.Parse", 1 },
        { "var hour = new DateTime(0, DateTimeKind.Utc).ToLocalTime().Hour;", PolicyCategory.Environment, "System.DateTime.ToLocalTime", 1 },
        { "var offset = new DateTimeOffset(new DateTime(1)).Offset;", PolicyCategory.Environment, "new System.DateTimeOffset", 1 },
        { "var t = Convert.ToDateTime(\"12:00\");", Clock, "System.Convert.ToDateTime", 1 },
        { "IEqualityComparer<string> c = ReferenceEqualityComparer.Instance;\nvar h = c.GetHashCode(\"abc\");", UnreproducibleHash, "System.Collections.Generic.ReferenceEqualityComparer.Instance", 1 },
        { "var m = System.Numerics.Matrix4x4.CreateRotationX(0.3f);", MachineDependent, "System.Numerics.Matrix4x4.CreateRotationX", 1 },
        { "var v = System.Numerics.Vector3.Normalize(new System.Numerics.Vector3(1, 2, 3));", MachineDependent, "System.Numerics.Vector3.Normalize", 1 },
        { "class Spy : ICollection<char>\n{\n    public int Count => 1;\n    public bool IsReadOnly => true;\n    public void Add(char x) { }\n    public void Clear() { }\n    public bool Contains(char x) => false;\n    public bool Remove(char x) => false;\n    public void CopyTo(char[] a, int i) { }\n    public IEnumerator<char> GetEnumerator() { yield return 'x'; }\n    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();\n}", PolicyCategory.Unsafe, "Spy implementing System.Collections.Generic.ICollection<T>", 1 },
        { "record Node(int Value, Node? Next);", Unmetered, "Node, compared by the compiler's Equals through more than 64 parts or without end (write its own Equals)", 1 },
        { "record Tree(int Value, (Tree? Left, Tree? Right) Children);", Unmetered, "Tree, compared by the compiler's Equals through more than 64 parts or without end (write its own Equals)", 1 },
        { "struct Eight { public long A, B, C, D, E, F, G, H; }\nstruct Wide { public Eight A, B, C, D, E; }", Unmetered, "Wide, a value of over 256 bytes", 2 },
        { "struct Eight { public long A, B, C, D, E, F, G, H; }\nvar e = new Eight();\nvar w = (e, e, e, e, e);", Unmetered, "(Eight, Eight, Eight, Eight, Eight), a value of over 256 bytes", 3 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nstruct State { public Key K; public int N; }\nvar seen = new HashSet<State>();", UnreproducibleHash, "State, compared by the candidate's Equals but hashed in part by identity", 7 },
        { "class Key\n{\n    public override bool Equals(object? o) => true;\n    public override int GetHashCode() => 0;\n}\nvar d = new Dictionary<int, Key>();\nvar groups = d.GroupBy(kv => kv).Count();", UnreproducibleHash, "System.Collections.Generic.KeyValuePair<System.Int32, Key>, compared by the candidate's Equals but hashed in part by identity", 7 },
        { "static long M<T>(int n, T x) => n == 0 ? 1 : M(n - 1, (x, x));", Unmetered, "M, calling itself with ever larger type arguments", 1 },
        { "record Loop\n{\n    public Loop Self => this;\n}", Unmetered, "Loop, printed by the compiler's ToString through more than 64 parts or without end (write its own ToString)", 1 },
        { "class C0 { }\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"class C{i} : C{i - 1} {{ }}\n")), Unmetered, "C33, derived more than 32 deep", 34 },
        { "record Link(object? Next, int X);", Unmetered, "Link, compared by the compiler's Equals through more than 64 parts or without end (write its own Equals)", 1 },
        { "record Base(int X);\nrecord Chain(Base? Next) : Base(0);", Unmetered, "Chain, compared by the compiler's Equals through more than 64 parts or without end (write its own Equals)", 2 },
        { "record Q(int A, int B, int C, int D);\nrecord R(Q A, Q B, Q C, Q D);\nrecord S(R A, R B, R C, R D);", Unmetered, "S, compared by the compiler's Equals through more than 64 parts or without end (write its own Equals)", 3 },
        { "record Node(int V, Node? Next)\n{\n    public virtual bool Equals(Node? o) => ReferenceEquals(this, o);\n    public override int GetHashCode() => V;\n}", Unmetered, "Node, printed by the compiler's ToString through more than 64 parts or without end (write its own ToString)", 1 },
        { "object a = 0;\nfor (var i = 0; i < 3; i++) { a = new { N = a, V = i }; }", Unmetered, "<anonymous type: object N, int V>, compared or printed by the compiler through more than 64 parts or without end (make it a record with its own Equals and ToString)", 2 },
        { "record struct Boxed(object O);\nvar h = HashCode.Combine(new Boxed(new object()));", UnreproducibleHash, "System.HashCode.Combine<Boxed>", 2 },
        { "class Hidden\n{\n    public int A;\n    public new int GetHashCode() => A;\n}\nvar h = HashCode.Combine(new Hidden());", UnreproducibleHash, "System.HashCode.Combine<Hidden>", 6 },
        { "class Quiet : IEquatable<Quiet>\n{\n    bool IEquatable<Quiet>.Equals(Quiet? o) => false;\n}", UnreproducibleHash, "Quiet.Equals without Quiet.GetHashCode", 1 },
        { "record struct Tagged(int A)\n{\n    public bool Equals(Tagged t) => t.A == A;\n}", UnreproducibleHash, "Tagged.Equals without Tagged.GetHashCode", 1 },
        { "record Named(string Name)\n{\n    public virtual bool Equals(Named? other) => other?.Name == Name;\n}", UnreproducibleHash, "Named.Equals without Named.GetHashCode", 1 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Check_RefusesTheCapability_WithItsCategorySymbolAndLine(string candidate, PolicyCategory category, string symbol, int line) =>
        PolicyAssert.Refused(Candidates.Check(candidate), category, symbol, line);

    [Fact]
    public void Check_RefusesUnsafeBlocksAndPointers_EvenBeforeTheCompilerDoes()
    {
        var report = Candidates.CheckUncompilable("var x = 1;\nunsafe\n{\n    int* p = &x;\n}");

        PolicyAssert.Refused(report, PolicyCategory.Unsafe, "unsafe", 2);
        PolicyAssert.Refused(report, PolicyCategory.Unsafe, "System.Int32*", 4);
    }

    [Fact]
    public void Check_RefusesImplementingGenericMath_WhichHandsTheTypeLibraryBuffers()
    {
        var report = Candidates.CheckUncompilable("readonly struct Num : System.Numerics.INumberBase<Num>\n{\n}");

        PolicyAssert.Refused(report, PolicyCategory.Unsafe, "Num implementing System.ISpanFormattable", 1);
    }

    [Fact]
    public void Check_RefusesFunctionPointersAndRefIntrinsics()
    {
        var report = Candidates.CheckUncompilable("delegate*<int, int> f = null;\nint x = 1;\nvar r = __makeref(x);");

        PolicyAssert.Refused(report, PolicyCategory.Unsafe, "delegate*", 1);
        PolicyAssert.Refused(report, PolicyCategory.Unsafe, "__makeref", 3);
    }

    [Fact]
    public void Check_RefusesReferenceAndLoadDirectives()
    {
        var report = Candidates.CheckUncompilable("#r \"System.Net.Http.dll\"\n#load \"other.csx\"\nvar x = 1;");

        PolicyAssert.Refused(report, PolicyCategory.AppDomain, "#r", 1);
        PolicyAssert.Refused(report, Files, "#load", 2);
    }
}
