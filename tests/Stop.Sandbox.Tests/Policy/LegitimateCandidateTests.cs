namespace Stop.Sandbox.Tests.Policy;

/// <summary>Ordinary solutions and improvers, which the policy must admit without a single violation.</summary>
public sealed class LegitimateCandidateTests
{
    [Fact]
    public void Check_AdmitsAParitySolverWrittenWithLinq()
    {
        var report = Candidates.Check("""
            string Solve(string bits) => (bits.Count(c => c == '1') % 2).ToString();
            var answers = new[] { "1011", "0000", "1" }.Select(Solve).ToList();
            var ones = answers.Where(a => a == "1").OrderBy(a => a).GroupBy(a => a.Length).ToDictionary(g => g.Key, g => g.Count());
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsRecordsAndAnonymousTypesThatHoldAFewOthers()
    {
        var report = Candidates.Check("""
            record Address(string City, int Zip);
            record Person(string Name, Address Home, (int X, int Y) At);
            abstract record Shape(string Name);
            record Circle(double R) : Shape("circle");
            record Square(double S) : Shape("square");
            record Node(int V, Node? Next)
            {
                public virtual bool Equals(Node? other) => other is not null && other.V == V && Equals(Next, other.Next);
                public override int GetHashCode() => V;
                public override string ToString() => $"{V} -> {Next}";
            }
            var p = new Person("a", new Address("b", 1), (1, 2));
            var same = p == p with { Name = "a" } && p.ToString().Length > 0;
            var distinct = new[] { 1, 2, 2 }.Select(n => new { N = n, Home = p.Home }).Distinct().Count();
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsAGenericClassWhoseGenericHelperTakesTuplesOfItsType()
    {
        var report = Candidates.Check("""
            class Ranker<T>(Func<T, double> score)
            {
                private static U ArgMax<U>(IEnumerable<U> items, Func<U, double> key) => items.MaxBy(key)!;
                public T Best(IEnumerable<T> items) => ArgMax(items.Select(x => (Item: x, Score: score(x))), p => p.Score).Item;
            }
            var best = new Ranker<int>(x => -x).Best([3, 1, 2]);
            """);

        PolicyAssert.Admitted(report);
    }

    /// <summary>Keys typed object or an interface are refused only beside an Equals of the candidate's own.</summary>
    [Fact]
    public void Check_AdmitsHashSetsOfObjects_InACandidateThatWritesNoEquals()
    {
        var report = Candidates.Check("""
            record Move(int From, int To);
            var seen = new HashSet<object> { 1, "two", new Move(1, 2) };
            var groups = new IComparable[] { 1, 2, 2 }.Distinct().Count() + seen.Count;
            """);

        PolicyAssert.Admitted(report);
    }

    /// <summary>A value holding a key with its own Equals is refused only where it is hashed or boxed, never where it is made.</summary>
    [Fact]
    public void Check_AdmitsIteratingADictionary_AndQueuesOfStatesHoldingAKeyWithItsOwnEquals()
    {
        var report = Candidates.Check("""
            readonly struct Pt(int x, int y) : IEquatable<Pt>
            {
                public int X => x;
                public bool Equals(Pt o) => x == o.X;
                public override bool Equals(object? o) => o is Pt p && Equals(p);
                public override int GetHashCode() => x;
            }
            struct State { public Pt Pos; public int Steps; }
            var d = new Dictionary<Pt, int> { [new Pt(1, 2)] = 3 };
            var total = 0;
            foreach (var (p, n) in d) { total += n + p.X; }
            total += d.OrderBy(kv => kv.Value).First().Value + d.MaxBy(kv => kv.Value).Key.X;
            var q = new Queue<State>();
            q.Enqueue(new State { Pos = new Pt(0, 0), Steps = 1 });
            var paths = new Queue<(Pt At, List<Pt> Path)>();
            paths.Enqueue((new Pt(0, 0), []));
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsInliningHintsAndShallowCopies()
    {
        var report = Candidates.Check("""
            using System.Runtime.CompilerServices;
            class Point { public int X; public Point Copy() => (Point)MemberwiseClone(); }
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int Square(int x) => x * x;
            var p = new Point { X = Square(3) }.Copy();
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsCollectionsTuplesAndInterpolation()
    {
        var report = Candidates.Check("""
            int[] numbers = [5, 3, 8, 1];
            Array.Sort(numbers);
            Array.Reverse(numbers);
            var middle = numbers[1..3];
            var last = numbers[^1];
            var list = new List<int>(numbers) { 13 };
            List<string> words = ["a", "bb", .. list.Select(n => n.ToString())];
            var counts = new Dictionary<string, int>();
            foreach (var w in words)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
            foreach (var (word, count) in counts)
            {
                Console.WriteLine($"{word}: {count,3} {count / 3.0:F2}");
            }
            var seen = new HashSet<int> { 1, 2 };
            var queue = new PriorityQueue<string, int>();
            queue.Enqueue("x", 2);
            var pair = (Min: numbers.Min(), Max: numbers.Max());
            var (lo, hi) = pair;
            var sorted = new SortedDictionary<int, string> { [1] = "one" };
            var stack = new Stack<int>(numbers);
            foreach (var ch in "text")
            {
                seen.Add(ch);
            }
            var joined = string.Join(",", words) + string.Concat(words) + string.Format("{0}", lo + hi);
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsTheLanguagesOwnConstructs()
    {
        var report = Candidates.Check("""
            record Point(int X, int Y)
            {
                public int Manhattan => Math.Abs(X) + Math.Abs(Y);
            }

            struct Counter
            {
                public int Value;
                public void Increment() => Value++;
            }

            sealed class Box<T> where T : IComparable<T>
            {
                private readonly List<T> items = [];
                public void Add(T item) => items.Add(item);
                public T Max() => items.Aggregate((a, b) => a.CompareTo(b) >= 0 ? a : b);
                public IEnumerable<T> Evens(Func<T, bool> keep)
                {
                    foreach (var item in items)
                    {
                        if (keep(item))
                        {
                            yield return item;
                        }
                    }
                }
            }

            enum Shape { Circle, Square }

            static string Describe(object o) => o switch
            {
                int n when n < 0 => "negative",
                int n => $"int {n}",
                string { Length: > 3 } s => "long " + s,
                Point(0, 0) => "origin",
                Point { X: var x } => $"point at {x}",
                int[] and [var first, ..] => $"array from {first}",
                null => "null",
                _ => o.ToString() ?? "",
            };

            int Fib(int n)
            {
                return n < 2 ? n : Go(n - 1) + Go(n - 2);
                int Go(int k) => Fib(k);
            }

            var p = new Point(3, -4) with { Y = 4 };
            var c = new Counter();
            c.Increment();
            var box = new Box<int>();
            box.Add(7);
            var shape = Enum.Parse<Shape>("Square");
            var sb = new StringBuilder();
            sb.Append(Describe(p)).Append($"{Fib(10)}").AppendLine();
            for (var i = 0; i < 3; i++)
            {
                sb.Append(checked(i * 2));
            }
            try
            {
                throw new InvalidOperationException("expected");
            }
            catch (InvalidOperationException e) when (e.Message.Length > 0)
            {
                Console.Error.WriteLine(e.Message);
            }
            finally
            {
                Console.Out.WriteLine(sb.ToString());
            }
            static int SumOfSpan()
            {
                Span<int> span = new int[] { 1, 2, 3 };
                span.Reverse();
                ReadOnlySpan<char> chars = "hello".AsSpan(1, 3);
                var total = 0;
                foreach (var n in span)
                {
                    total += n;
                }
                return total + chars.Length;
            }
            var sqrt = Math.Sqrt(2) + MathF.PI + Math.Clamp(5, 0, 3);
            var big = System.Numerics.Complex.Abs(new System.Numerics.Complex(3, 4));
            var bits = System.Numerics.BitOperations.PopCount(255u);
            var parsed = int.Parse("42") + Convert.ToInt32("7") + BitConverter.GetBytes(1).Length;
            var name = nameof(Point);
            var equal = p.Equals(p) && object.ReferenceEquals(box, box) && SumOfSpan() > 0;
            var date = new DateTime(2024, 1, 1).AddDays(3).DayOfWeek;
            var span2 = TimeSpan.FromSeconds(3);
            var kv = new KeyValuePair<string, int>("k", 1);
            int? maybe = null;
            var value = maybe ?? 3;
            Comparison<int> byValue = (a, b) => a.CompareTo(b);
            var ordered = new List<int> { 3, 1 };
            ordered.Sort(byValue);
            Action<string> print = Console.WriteLine;
            print("done");
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sqrt:F3}"));
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsHashCodesThatAreTheSameInEveryWorker_AndHashingHiddenInsideCollections()
    {
        var report = Candidates.Check("""
            using System.Collections.Frozen;
            using System.Collections.Immutable;
            record struct Cell(int Row, int Col);
            record Labelled(string Label)
            {
                public virtual bool Equals(Labelled? other) => other?.Label == Label;
                public override int GetHashCode() => Label.GetHashCode();
            }
            class Key
            {
                public int A;
                public override bool Equals(object? o) => o is Key k && k.A == A;
                public override int GetHashCode() => A;
            }
            class SubKey : Key { }
            struct Edge : IEquatable<Edge>
            {
                public int From, To;
                public bool Equals(Edge e) => e.From == From && e.To == To;
                public override int GetHashCode() => HashCode.Combine(From, To);
            }
            class Plain { }
            record Link(int Value, Link? Next)
            {
                public virtual bool Equals(Link? other) => other is not null && other.Value == Value;
                public override int GetHashCode() => Value;
                public override string ToString() => $"{Value}";
            }
            record Holder(int[] Items, List<Holder> Children);
            class Vec
            {
                public int X;
                public bool Equals(Vec v) => v.X == X;
            }
            record struct Doubled(int X)
            {
                public int[] Twice => [X, X];
            }
            var a = "x".GetHashCode() + 5.GetHashCode() + 2.5.GetHashCode() + ((int?)3).GetHashCode() + DayOfWeek.Monday.GetHashCode();
            var b = HashCode.Combine(1, "two", 3.0, 'c', (byte)1, 2L, DayOfWeek.Monday, new DateTime(2024, 1, 1));
            var c = (1, "x").GetHashCode() + Tuple.Create(1, 2).GetHashCode() + new Cell(1, 2).GetHashCode() + new Labelled("l").GetHashCode();
            var d = EqualityComparer<Key>.Default.GetHashCode(new SubKey()) + EqualityComparer<int?>.Default.GetHashCode(3) + StringComparer.Ordinal.GetHashCode("x");
            var e = HashCode.Combine(new Key(), new Edge(), new Cell(0, 0), (1, (2, "three")), new { A = 1, B = "b" });
            var hash = new HashCode();
            hash.Add(7);
            hash.Add("s", StringComparer.Ordinal);
            var f = hash.ToHashCode() + string.GetHashCode("abc".AsSpan()) + "s".GetHashCode(StringComparison.Ordinal);
            var g = System.Numerics.Complex.One.GetHashCode() + new SubKey().GetHashCode() + HashCode.Combine(new Doubled(2));
            var ordered = ImmutableHashSet.Create(1, 2, 3).Count + new Dictionary<string, int> { ["a"] = 1 }.ToFrozenDictionary().Count;
            var keyed = new HashSet<(Key, int)>().Count + new Dictionary<Key, object>().Count;
            var hidden = new HashSet<Plain> { new Plain() }.Count + new Dictionary<int[], int>().Count;
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_AdmitsRandom_AndReportsTheUnseededUsesForRewriting()
    {
        var report = Candidates.Check("""
            var a = new Random();
            Random b = new();
            var c = new Random(42);
            var d = Random.Shared.Next(10);
            var e = a.Next(1, 7) + b.NextDouble() + c.Next();
            """);

        PolicyAssert.Admitted(report);
        Assert.Equal(["new Random()", "new()", "Random.Shared"], report.RandomRewrites.Select(n => n.ToString()));
        Assert.Equal([1, 2, 4], report.RandomRewrites.Select(n => n.GetLocation().GetLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public void Check_AdmitsAnImproverUsingTheLanguageModelUtilityAndCodeExtraction()
    {
        var report = Candidates.Check(""""
            string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)
            {
                var expertise = "You are an expert computer science researcher and programmer.";
                var message = $"""
                    Improve the following solution:
                    ```csharp
                    {initialSolution}
                    ```
                    You will be evaluated based on this score function:
                    ```csharp
                    {utility.Source}
                    ```
                    """;
                var n = Math.Min(languageModel.MaxResponsesPerCall, languageModel.Budget);
                var responses = languageModel.BatchPrompt(expertise, Enumerable.Repeat(message, n), temperature: 0.7);
                responses = [.. responses, .. languageModel.Prompt(expertise, message, 1)];
                var best = initialSolution;
                var bestScore = utility.Score(initialSolution);
                foreach (var response in responses)
                {
                    var code = Code.Extract(response);
                    if (code is null)
                    {
                        continue;
                    }
                    var score = utility.Score(code);
                    if (score > bestScore)
                    {
                        (best, bestScore) = (code, score);
                    }
                }
                return best;
            }
            """");

        PolicyAssert.Admitted(report);
    }
}
