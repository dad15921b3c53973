using Stop.Guest.Runtime;
using Stop.Tasks;

namespace Stop.Sandbox.Tests.Admission;

/// <summary>Every kind of member a candidate can write still compiles once metered, and its recursion is counted.</summary>
[Collection(SandboxCollection.Name)]
public sealed class InstrumentationTests(SandboxFixture fixture)
{
    private static readonly DownstreamTask Parity = TaskCatalog.Get("parity_noise");

    private const string KitchenSink = """
        public sealed class Vec
        {
            private readonly int[] items;
            public Vec(int n) => items = new int[n];
            public int this[int i] { get => items[i]; set => items[i] = value; }
            public int Length => items.Length;
            public static Vec operator +(Vec a, Vec b) { var c = new Vec(a.Length); for (var i = 0; i < a.Length; i++) { c[i] = (a[i] + b[i]) % 2; } return c; }
            public static implicit operator int[](Vec v) => v.items;
            public IEnumerable<int> Bits() { foreach (var x in items) { yield return x; } }
            public IEnumerable<int?> Maybe() { yield return null; yield return default; yield return Length; }
            public void operator +=(int x) => items[0] += x;
            public void operator ++() => items[0]++;
            public int Missing => throw new NotSupportedException();
            public int this[string name] => throw new NotSupportedException(name);
            public static Vec operator -(Vec a) => throw new NotSupportedException();
            public int Never() => throw new NotSupportedException();
            public void Refuse() => throw new NotSupportedException();
            public static int Origin(DateTime at = new DateTime(), int? n = new int?()) => n ?? at.Day;
        }

        int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
        {
            int Twice(int x) => x * 2;
            void Nothing() { }
            int Fail() => throw new InvalidOperationException();
            Nothing();
            Func<int, int> half = x => x / 2;
            Action<int> ignore = x => Twice(x);
            ignore(half(Twice(3)));
            var v = new Vec(testSamples.Length) + new Vec(testSamples.Length);
            var total = v.Bits().Sum();
            int[] result = v;
            var keys = (from x in result let y = x * 2 where y >= 0 orderby y descending join z in result on x equals z
                        group y by x into g from w in g select g.Key + w * 0).Count();
            return result.Select(b => b + total * 0).ToArray();
        }
        """;

    [Fact]
    public async Task EveryKindOfMember_CompilesAndRuns_WhenMetered()
    {
        var evaluation = await fixture.Sandbox.ScoreAsync(KitchenSink, Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{evaluation.Verdict.ToWord()}: {evaluation.Reason}");
        Assert.True(evaluation.Fuel > 0);
    }

    [Theory]
    [InlineData("new int[64_000]")]
    [InlineData("new int[64_000L]")]
    [InlineData("new int[64_000u]")]
    [InlineData("new int[(ulong)64_000]")]
    [InlineData("new int[(nuint)64_000]")]
    [InlineData("new long[64_000][]")]
    [InlineData("new int[100, 640]")]
    [InlineData("new int[10, 64, 100]")]
    public async Task AllocatingAnArray_CostsAUnitOfFuelPer64Elements(string allocation)
    {
        const string Template = "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    var a = ALLOCATION;\n    return new int[testSamples.Length];\n}";
        var small = await fixture.Sandbox.ScoreAsync(Template.Replace("ALLOCATION", "new int[1]"), Parity, Split.Val);
        var large = await fixture.Sandbox.ScoreAsync(Template.Replace("ALLOCATION", allocation), Parity, Split.Val);

        Assert.True(large.Verdict == Verdict.Ok, $"{large.Verdict.ToWord()}: {large.Reason}");
        // 64,000 elements are 1,000 units more than one element, on each instance.
        Assert.Equal(Parity.InstanceCount(Split.Val) * 1000, large.Fuel - small.Fuel);
    }

    /// <summary>
    /// A body of thousands of statements does thousands of times the work of a small one between two ticks: each pass
    /// through it pays a unit per 64 syntax nodes, whether the body is a loop's, a method's, a lambda's or a label's.
    /// </summary>
    [Theory]
    [InlineData("a loop body", "for (var i = 0; i < 1000; i++) { BODY }")]
    [InlineData("a method body", "for (var i = 0; i < 1000; i++) { x = Step(x, i); }", "static long Step(long x, long i) { BODY return x; }")]
    [InlineData("a lambda body", "Func<long, long, long> step = (x, i) => { BODY return x; }; for (var i = 0; i < 1000; i++) { x = step(x, i); }")]
    [InlineData("a goto loop", "var i = 0; again: BODY if (++i < 1000) goto again;")]
    [InlineData("a query clause", "x += (from i in Enumerable.Range(0, 1000) select BODYEXPR).Sum();")]
    [InlineData("a field initializer", "for (var i = 0; i < 1000; i++) { x += new Wide(i).X; }", "class Wide(long i) { public long X = BODYEXPR; }")]
    [InlineData("a primary constructor's base arguments", "for (var i = 0; i < 1000; i++) { x += new Wide(i).X; }", "class Base(long v) { public long X = v; }\nclass Wide(long i) : Base(BODYEXPR);")]
    public async Task ALargeBody_PaysForItsSize_EachTimeItRuns(string construct, string body, string declarations = "")
    {
        string Candidate(int statements) => Solution($"long x = 1;\n    {Expand(body, statements)}", Expand(declarations, statements));
        static string Expand(string text, int statements) => text
            .Replace("BODYEXPR", string.Join(" + ", Enumerable.Range(0, statements).Select(k => $"(i ^ {k})")))
            .Replace("BODY", string.Concat(Enumerable.Range(0, statements).Select(k => $"x = x * 31 + i + {k}; ")));

        var small = await fixture.Sandbox.ScoreAsync(Candidate(1), Parity, Split.Val);
        var large = await fixture.Sandbox.ScoreAsync(Candidate(640), Parity, Split.Val);

        Assert.True(small.Verdict == Verdict.Ok && large.Verdict == Verdict.Ok, $"{construct}: {small.Reason}; {large.Reason}");
        // 640 statements or terms are over 3,000 syntax nodes: at least 45 more units on each of 1,000 passes, on each instance.
        Assert.True(large.Fuel - small.Fuel >= Parity.InstanceCount(Split.Val) * 1000L * 45, $"{construct}: {small.Fuel} against {large.Fuel}");
    }

    [Fact]
    public async Task AnArrayOfLargeValues_PaysForTheirSize()
    {
        const string Wide = "struct Wide { public long A, B, C, D, E, F, G, H; }";
        var wide = await fixture.Sandbox.ScoreAsync(Solution("long x = 0;\n    for (var i = 0; i < 10; i++) { x += new Wide[64_000].Length; }", Wide), Parity, Split.Val);
        var narrow = await fixture.Sandbox.ScoreAsync(Solution("long x = 0;\n    for (var i = 0; i < 10; i++) { x += new long[64_000].Length; }", Wide), Parity, Split.Val);

        Assert.True(wide.Verdict == Verdict.Ok && narrow.Verdict == Verdict.Ok, $"{wide.Reason}; {narrow.Reason}");
        // Eight words an element: 7 × 64,000 / 64 more units on each of 10 allocations, on each instance.
        Assert.True(wide.Fuel - narrow.Fuel >= Parity.InstanceCount(Split.Val) * 10L * 7_000, $"{narrow.Fuel} against {wide.Fuel}");
    }

    /// <summary>Throwing and catching costs the runtime what hundreds of ticks do, and more for each frame unwound.</summary>
    [Theory]
    [InlineData("thrown and caught in place", "try { throw new InvalidOperationException(); } catch (InvalidOperationException) { x++; }", 0)]
    [InlineData("thrown by the library", "try { x += int.Parse(\"not a number\"); } catch (FormatException) { x++; }", 0)]
    [InlineData("thrown 40 frames down", "try { Down(40); } catch (InvalidOperationException) { x++; }", 40)]
    [InlineData("thrown in a filter, which the runtime swallows", "try { try { throw new InvalidOperationException(); } catch (InvalidOperationException) when (Down(40) > 0) { } } catch (InvalidOperationException) { x++; }", 40, 2)]
    [InlineData("thrown 40 frames down a comparer, and again by the library", "try { Array.Sort(new[] { 2, 1 }, Comparer<int>.Create((a, b) => Down(40))); } catch (InvalidOperationException) { x++; }", 40, 2)]
    public async Task ACaughtException_PaysForTheThrow_AndForEachFrameItUnwound(string construct, string attempt, int frames, int exceptions = 1)
    {
        const string Down = "static int Down(int d) => d == 0 ? throw new InvalidOperationException() : Down(d - 1) + 1;";
        var evaluation = await fixture.Sandbox.ScoreAsync(Solution($"long x = 0;\n    for (var i = 0; i < 100; i++) {{ {attempt} }}", Down), Parity, Split.Val);
        var quiet = await fixture.Sandbox.ScoreAsync(Solution("long x = 0;\n    for (var i = 0; i < 100; i++) { x++; }", Down), Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{construct}: {evaluation.Reason}");
        var each = (long)Meter.FuelPerThrow * exceptions + frames * Meter.FuelPerUnwoundFrame;
        Assert.True(evaluation.Fuel - quiet.Fuel >= Parity.InstanceCount(Split.Val) * 100L * each, $"{construct}: {quiet.Fuel} against {evaluation.Fuel}");
    }

    /// <summary>A parity solution that runs <paramref name="body"/> and answers zeros, after <paramref name="declarations"/>.</summary>
    private static string Solution(string body, string declarations) =>
        $"{declarations}\nint[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{{\n    {body}\n    return new int[testSamples.Length];\n}}";

    /// <summary>Work and recursion the compiler hides from method bodies: each must run out of fuel or trip the depth limit.</summary>
    [Theory]
    [InlineData("goto case", "var s = 0L; var i = 0L; switch (0) { case 0: s += i; i++; goto case 1; case 1: goto case 0; }")]
    [InlineData("goto default", "var i = 0L; switch (1) { case 0: break; default: i++; goto default; }")]
    [InlineData("field initializer", "var c = new Deep(2_000_000);", "class Deep(int n) { public long X = n == 0 ? 1 : new Deep(n - 1).X + 1; }")]
    [InlineData("property initializer", "var c = new Deep(2_000_000);", "record struct Deep(int N) { public long X { get; init; } = N == 0 ? 1 : new Deep(N - 1).X + 1; }")]
    [InlineData("target-typed new in a field initializer", "var c = new Deep(2_000_000);", "class Deep(int n) { public Deep? Next = n == 0 ? null : new(n - 1); }")]
    [InlineData("constructor initializer", "var c = new Deep(2_000_000);", "class Deep { public long X; public Deep(int n) : this(n == 0 ? 1 : new Deep(n - 1).X + 1, 0) { } private Deep(long x, int _) { X = x; } }")]
    [InlineData("base arguments", "var c = new Deep(2_000_000);", "class Base(long x) { public long X = x; }\nclass Deep(int n) : Base(n == 0 ? 1 : new Deep(n - 1).X + 1);")]
    [InlineData("event initializer", "var c = new Loop();", "class Loop { event Action? E = new Loop().F; void F() { } }")]
    [InlineData("array initializer without new", "var c = new Loop();", "class Loop { Loop[] next = { new Loop() }; }")]
    [InlineData("work in array initializers", "var c = new Wide(40);", "class Wide(int d) { public int V; int[] a = { d > 0 ? new Wide(d - 1).V : 0, d > 0 ? new Wide(d - 1).V : 0 }; }")]
    [InlineData("work in field initializers", "long t = 0; for (var i = 0; i < 100; i++) { t += new Wide(22).X; }", "class Wide(int n) { public long X = n == 0 ? 1 : new Wide(n - 1).X + new Wide(n - 1).X; }")]
    [InlineData("query clauses", "var r = Enumerable.Range(0, 1_000_000); var n = (from a in r from b in r where ((a * 31 + b) & 1023) == 7 select a).Count();")]
    [InlineData("nested iterators", "var n = Nest(2_000_000).First();", "IEnumerable<int> Nest(int n) { yield return n == 0 ? 0 : Nest(n - 1).First() + 1; }")]
    public async Task WorkTheCompilerHidesFromMethodBodies_IsCounted(string construct, string body, string declarations = "")
    {
        var candidate = Solution(body, declarations);
        var evaluation = await fixture.Sandbox.ScoreAsync(candidate, Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Timeout && evaluation.DecidedBy == DecidedBy.Counted,
            $"{construct}: {evaluation.Verdict.ToWord()} ({evaluation.DecidedBy}): {evaluation.Reason}");
    }

    /// <summary>Correct programs whose metered form once failed: each must still compile, pass the policy and run.</summary>
    [Theory]
    [InlineData("parentheses round an allocation", "var n = (new int[3]).Length + (new List<int>()).Count + new List<int>()!.Count; int[]? best = null; best ??= (new int[2]);", "IEnumerable<int> Walked() { yield return 1; }")]
    [InlineData("initializers of every kind", "var k = new Kinds(); var n = k.F(2) + k.Twice.Length + k.Name.Length + Kinds.Shared.Count + (k.Next is null ? 0 : 1);", "class Kinds { public Func<int, int> F = x => x * 2; public int[] Twice = [1, 2]; public string Name { get; init; } = \"k\"; public static List<int> Shared = new(); public Kinds? Next = null; public int[] Primes = { 2, 3, 5 }; public (int A, string B) Pair { get; } = (1, \"b\"); public const int Limit = 3; int a = 1, b = Limit; }")]
    [InlineData("a label on a declaration that a goto returns to", "var tries = 0;\nretry:\n    var x = tries * 2;\n    if (++tries < 3) goto retry;\n    if (x != 4) throw new Exception(x.ToString());")]
    [InlineData("a label on a statement declaring a pattern variable", "object o = \"s\"; var k = 0;\nagain:\n    if (o is not int value) { o = ++k; goto again; }\n    if (value != 1) throw new Exception(value.ToString());")]
    [InlineData("the candidate's own class named Random", "var r = new Random(); if (r.Next(1000) != r.Next(1000) || r.Fixed != 4) throw new Exception(\"System.Random\");", "public class Random { public int Fixed => 4; public int Next(int n) => 7 % n; }")]
    [InlineData("an overload of the entry method, declared first", "var k = 1;", "int[] Algorithm(int[][] a, int[] b, int[][] c, int k) => throw new Exception(\"the overload ran\");")]
    [InlineData("array initializers without new, an alias's included", "var k = new Lists(); var n = k.A.Sum() + k.G[1, 1] + k.R[1] + k.P[0]; if (n != 20) throw new Exception(n.ToString());", "using Row = int[];\nclass Lists { public int[] A = { 1, 2, 3 }; public int[,] G = { { 1, 2 }, { 3, 4 } }; public Row R = { 4, 5 }; public int[] P { get; } = { 5 }; public event Action? E = null; }")]
    [InlineData("a ref field's initializer", "var x = 7; var q = new Q(ref x); var n = q.R;", "ref struct Q(ref int x) { public ref int R = ref x; }")]
    [InlineData("orderby, then ThenBy", "var idx = new[] { 2, 0, 1 }; var o = (from i in idx orderby -i select i).ThenBy(i => i).First();")]
    [InlineData("out var in a yield return", "var n = Parsed(new[] { \"1\", \"x\" }).Sum();", "IEnumerable<int> Parsed(string[] words) { foreach (var w in words) { yield return int.TryParse(w, out var v) ? v : -1; Console.Write(v); } }")]
    [InlineData("a tree built 600 deep through constructor arguments", "var depth = Build(0, 600).Depth;", "class Node(Node? left, Node? right) { public int Depth => 1 + Math.Max(left?.Depth ?? 0, right?.Depth ?? 0); }\nstatic Node Build(int lo, int hi) => hi - lo <= 1 ? new Node(null, null) : new Node(Build(lo, lo + 1), Build(lo + 1, hi));")]
    [InlineData("an iterator enumerated twice starts from its arguments each time", "var s = Down(3); var a = s.Sum(); var b = s.Sum(); if (a != 6 || b != 6) throw new Exception($\"{a} {b}\");", "IEnumerable<int> Down(int n) { while (n > 0) { yield return n; n--; } }")]
    [InlineData("an iterator is its own first enumerator", "var s = Down(2); var e = s.GetEnumerator(); var f = s.GetEnumerator(); if (!ReferenceEquals(s, e) || ReferenceEquals(e, f) || s is not IEnumerator<int> || !f.MoveNext() || f.Current != 2) throw new Exception(\"identity\");", "IEnumerable<int> Down(int n) { while (n > 0) { yield return n; n--; } }")]
    [InlineData("iterators of every form a member can take", "var w = new Walks(); var n = w.Three.Sum() + w[2].Sum() + Walks.Pair(1, 2).Sum() + Walks.Objects().Cast<int>().Sum() + Walks.Gen(\"a\", \"b\").Count() + Walks.Parts(1, 2, 3).Sum(); var e = Walks.Cursor(); e.MoveNext(); var o = Walks.Raw(); o.MoveNext(); IEnumerable<int> Local(int k = 2) { for (var i = 0; i < k; i++) yield return i; } n += Local().Sum() + e.Current + (int)o.Current!; if (n != 29) throw new Exception(n.ToString());", "class Walks { public IEnumerable<int> Three { get { yield return 1; yield return 2; } } public IEnumerable<int> this[int k] { get { yield return k; } } public static IEnumerable<int> Pair(int a, int b) { yield return a; yield return b; } public static System.Collections.IEnumerable Objects() { yield return 3; } public static IEnumerable<T> Gen<T>(params T[] xs) { foreach (var x in xs) yield return x; } public static IEnumerable<int> Parts(params int[] xs) { foreach (var x in xs) yield return x; } public static IEnumerator<int> Cursor() { yield return 4; } public static System.Collections.IEnumerator Raw() { yield return 5; } }")]
    [InlineData("a struct's static iterator, and an iterator reading its class's fields", "var n = Span2.Both(3).Sum() + new Bag().Items().Sum(); if (n != 9) throw new Exception(n.ToString());", "struct Span2 { public static IEnumerable<int> Both(int k) { yield return k; yield return k; } }\nclass Bag { int[] items = { 1, 2 }; public IEnumerable<int> Items() { foreach (var i in items) yield return i; } }")]
    [InlineData("an alias named IEnumerable", "var n = Odd(5).Sum(); if (n != 4) throw new Exception(n.ToString());", "using IEnumerable = System.Collections.Generic.IEnumerable<int>;\nstatic IEnumerable Odd(int n) { for (var i = 1; i < n; i += 2) yield return i; }")]
    public async Task CorrectPrograms_StillRun_WhenMetered(string construct, string body, string declarations = "")
    {
        var candidate = Solution(body, declarations);
        var evaluation = await fixture.Sandbox.ScoreAsync(candidate, Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{construct}: {evaluation.Verdict.ToWord()}: {evaluation.Reason}");
    }

    [Theory]
    [InlineData("static List<int> F(int a)\n{\n    yield return a;\n}", "line 1: CS1624")]
    [InlineData("static IEnumerable<int> F(ref int a) { yield return a; }", "line 1: CS1623")]
    [InlineData("static IEnumerable<int> F(Undefined a,\n    int b)\n{\n    yield return b;\n}", "line 1: CS0246")]
    public async Task AnIteratorTheCompilerRefuses_IsRefusedInTheCandidatesOwnWords(string iterator, string reason)
    {
        // Found by a review: metering moves an iterator's body to a local function of its own, which made invalid
        // iterators compile (ref parameters) or be refused on the wrong line, in words that named the local function.
        var evaluation = await fixture.Sandbox.ScoreAsync(Solution("var n = 0;", iterator), Parity, Split.Val);

        Assert.Equal(Verdict.CompileError, evaluation.Verdict);
        Assert.StartsWith(reason, evaluation.Reason, StringComparison.Ordinal);
        Assert.All(evaluation.Diagnostics, d => Assert.DoesNotContain("<stop>", d, StringComparison.Ordinal));
        // The body's brace is line 3 of the candidate, where a copy of the parameters would repeat their errors.
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.StartsWith("line 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConstructorsThatThrow_AndAreCaught_LeaveNoDepthBehind()
    {
        const string Candidate = """
            class Picky { public Picky(int n) { if (n % 2 == 0) throw new ArgumentException("even"); } }
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var made = 0;
                for (var i = 0; i < 5000; i++)
                {
                    try { _ = new Picky(i); made++; } catch (ArgumentException) { }
                }
                return testSamples.Select(_ => made % 2).ToArray();
            }
            """;
        var evaluation = await fixture.Sandbox.ScoreAsync(Candidate, Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{evaluation.Verdict.ToWord()}: {evaluation.Reason}");
    }

    [Fact]
    public async Task ALambdaMadeAnExpressionTree_IsRefusedByThePolicy_NotByItsMetering()
    {
        var evaluation = await fixture.Sandbox.ScoreAsync(
            "int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)\n{\n    System.Linq.Expressions.Expression<Func<int, int>> e = x => x + 1;\n    return new int[testSamples.Length];\n}",
            Parity, Split.Val);

        Assert.Equal(Verdict.PolicyViolation, evaluation.Verdict);
        Assert.Contains("expression trees", evaluation.Reason);
    }

    [Fact]
    public async Task MeteringALambda_NeverChangesWhichOverloadItGoesTo()
    {
        // A lambda whose call returns a value goes to Func<T> when it can, to Action only when it must; metering it
        // must not move it, even where the first guess fails to compile for another lambda nearby.
        const string Candidate = """
            static Action Keep<T>(Func<T> f) => () => f();
            static string Wrap(Action a) => "A";
            static string Wrap<T>(Func<T> f) => "F";
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples)
            {
                var sb = new StringBuilder();
                Func<bool, Action> g = b => { return b ? Keep(() => sb.Append('w')) : () => sb.Append('!'); };
                g(true)();
                var flag = sb.Length > 0;
                Action pick = flag ? () => sb.Append(Wrap(() => sb.Append('x'))) : () => sb.Clear();
                pick();
                new List<int> { 1 }.ForEach(x => sb.Append(x));
                Console.Write(sb.ToString());
                return new int[testSamples.Length];
            }
            """;

        var evaluation = await fixture.Sandbox.ScoreAsync(Candidate, Parity, Split.Val);

        Assert.True(evaluation.Verdict == Verdict.Ok, $"{evaluation.Verdict.ToWord()}: {evaluation.Reason}");
        Assert.StartsWith("wF1", evaluation.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static class R { public static int P => P + 1; }", "R.P")]
    [InlineData("public sealed class R { public int this[int i] => this[i + 1]; }", "new R()[0]")]
    [InlineData("int Down(int n) => Down(n + 1);", "Down(0)")]
    [InlineData("static Func<int, int> f = x => Math.Abs(f(x + 1));", "f(0)")]
    [InlineData("static Func<int, int> f = x => f(x + 1);", "f(0)")]
    [InlineData("static Action<int> g = x => g(x + 1);\nint Loop() { g(0); return 0; }", "Loop()")]
    [InlineData("static IEnumerable<int> Nest(int n) { foreach (var x in Nest(n + 1)) { yield return x; } yield return n; }", "Nest(0).First()")]
    [InlineData("static Func<int, Action> g = n => n < 0 ? () => { } : g(n + 1);", "g(0)")]
    [InlineData("static Func<int, int> f = n => 1 + f(n + 1);\nstatic int Both() { var l = new List<int>(); Delegate d = () => l.Add(1); object o = () => l.Add(2); return f(0); }", "Both()")]
    [InlineData("static Func<int, int> t = n => throw new InvalidOperationException(t(n + 1).ToString());", "t(0)")]
    [InlineData("static Func<int, int> f = n => 1 + f(n + 1);\nstatic int Both() { var l = new List<int> { 1 }; var sb = new StringBuilder(); l.ForEach(a => l.ForEach(b => l.ForEach(c => l.ForEach(d => sb.Append(a + b + c + d))))); return f(0); }", "Both()")]
    public async Task RecursionThroughAnyExpressionBodiedMemberOrLambda_TripsTheDepthLimit(string member, string call)
    {
        var code = $$"""
            {{member}}
            int[] Algorithm(int[][] trainSamples, int[] trainParity, int[][] testSamples) { var x = {{call}}; return new int[testSamples.Length]; }
            """;

        var evaluation = await fixture.Sandbox.ScoreAsync(code, Parity, Split.Val);

        Assert.Equal(Verdict.Timeout, evaluation.Verdict);
        Assert.Contains("depth", evaluation.Reason);
    }
}
