using Stop.Sandbox.Admission.Policy;
using static Stop.Sandbox.Admission.Policy.PolicyCategory;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>The same refused capability reached by every route the language offers, not just by its plain name.</summary>
public sealed class RouteTests
{
    [Fact]
    public void Check_RefusesAnAliasOfARefusedType_AndEveryUseOfTheAlias()
    {
        var report = Candidates.Check("""
            using F = System.IO.File;
            var s = F.ReadAllText("x");
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File", 1);
        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 2);
    }

    [Fact]
    public void Check_RefusesMembersImportedWithUsingStatic()
    {
        var report = Candidates.Check("""
            using static System.IO.File;
            var s = ReadAllText("x");
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File", 1);
        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 2);
    }

    [Fact]
    public void Check_RefusesGlobalQualifiedNames()
    {
        var report = Candidates.Check("""var s = global::System.IO.File.ReadAllText("x");""");

        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 1);
    }

    [Fact]
    public void Check_JudgesExtensionMethodsByTheirDeclaringClass()
    {
        var report = Candidates.Check("""
            var numbers = new List<int> { 1, 2, 3 };
            var total = numbers.AsParallel().Select(n => n * 2).Sum();
            """);

        PolicyAssert.Refused(report, Threading, "System.Linq.ParallelEnumerable.AsParallel", 2);
        PolicyAssert.Refused(report, Threading, "System.Linq.ParallelEnumerable.Select", 2);
    }

    [Fact]
    public void Check_RefusesAMethodGroupConvertedToADelegate()
    {
        var report = Candidates.Check("""
            using System.IO;
            Func<string, string> read = File.ReadAllText;
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 2);
    }

    [Fact]
    public void Check_RefusesARefusedTypeAsAGenericTypeArgument()
    {
        var report = Candidates.Check("var files = new List<System.IO.FileInfo>();");

        PolicyAssert.Refused(report, Files, "System.IO.FileInfo", 1);
    }

    [Fact]
    public void Check_RefusesAVariableInferredAsSystemType_AndWhatItReaches()
    {
        var report = Candidates.Check("""
            var t = typeof(string);
            var members = t.GetMembers();
            """);

        PolicyAssert.Refused(report, Reflection, "typeof", 1);
        PolicyAssert.Refused(report, Reflection, "System.Type", 1);
        PolicyAssert.Refused(report, Reflection, "System.Type.GetMembers", 2);
    }

    [Fact]
    public void Check_RefusesCallsInsideANestedClassOfTheCandidate()
    {
        var report = Candidates.Check("""
            class Outer
            {
                class Inner
                {
                    public string Read() => System.IO.File.ReadAllText("x");
                }
            }
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 5);
    }

    [Fact]
    public void Check_RefusesCallsInsideALambdaBody()
    {
        var report = Candidates.Check("""
            var numbers = new[] { 1, 2 };
            var leaked = numbers.Select(n => Environment.GetEnvironmentVariable("KEY" + n)).ToList();
            """);

        PolicyAssert.Refused(report, PolicyCategory.Environment, "System.Environment.GetEnvironmentVariable", 2);
    }

    [Fact]
    public void Check_RefusesCallsInAFieldInitializer()
    {
        var report = Candidates.Check("""
            class Cache
            {
                private static readonly string Secret = System.IO.File.ReadAllText("/etc/shadow");
            }
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 3);
    }

    [Fact]
    public void Check_RefusesARefusedAttribute()
    {
        var report = Candidates.CheckUncompilable("""
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void RunsBeforeMetering() { }
            """);

        PolicyAssert.Refused(report, Reflection, "new System.Runtime.CompilerServices.ModuleInitializerAttribute", 1);
    }

    [Fact]
    public void Check_RefusesARefusedTypeCreatedWithTargetTypedNew()
    {
        var report = Candidates.Check("""System.Threading.Thread worker = new(() => { });""");

        PolicyAssert.Refused(report, Threading, "new System.Threading.Thread", 1);
    }

    [Fact]
    public void Check_RefusesRefusedCallsInsideStringInterpolation()
    {
        var report = Candidates.Check("""Console.WriteLine($"user: {Environment.UserName}");""");

        PolicyAssert.Refused(report, PolicyCategory.Environment, "System.Environment.UserName", 1);
    }

    [Fact]
    public void Check_RefusesACandidateTypeDerivingFromARefusedType()
    {
        var report = Candidates.Check("""
            class Sneaky : System.IO.MemoryStream
            {
            }
            """);

        PolicyAssert.Refused(report, Files, "System.IO.MemoryStream", 1);
    }

    [Fact]
    public void Check_RefusesSubclassingRandom_BecauseItsConstructorWouldEscapeSeeding()
    {
        var report = Candidates.Check("""
            class Dice : Random
            {
            }
            var d = new Dice();
            """);

        PolicyAssert.Refused(report, Randomness, "System.Random as a base type", 1);
    }

    [Fact]
    public void Check_RefusesRandomAsANewConstrainedTypeArgument()
    {
        var report = Candidates.Check("""
            static T Make<T>() where T : new() => new T();
            var r = Make<Random>();
            """);

        PolicyAssert.Refused(report, Randomness, "System.Random as a new() type argument", 2);
    }

    [Fact]
    public void Check_RefusesAQueryExpressionOverAQueryable()
    {
        var report = Candidates.Check("""
            var source = new[] { 1, 2, 3 }.AsQueryable();
            var evens = from n in source
                        where n % 2 == 0
                        select n;
            """);

        PolicyAssert.Refused(report, Expressions, "System.Linq.Queryable.Where", 3);
    }

    [Fact]
    public void Check_AllowsNameofOfRefusedTypesAndMembers()
    {
        var report = Candidates.Check("""
            var a = nameof(System.IO.File);
            var b = nameof(System.IO.File.ReadAllText);
            var c = nameof(Environment.Exit);
            """);

        PolicyAssert.Admitted(report);
    }

    [Fact]
    public void Check_StillRefuses_WhenACandidateMethodIsNamedNameof()
    {
        var report = Candidates.Check("""
            string nameof(string s) => s;
            var text = nameof(System.IO.File.ReadAllText("x"));
            """);

        PolicyAssert.Refused(report, Files, "System.IO.File.ReadAllText", 2);
    }
}
