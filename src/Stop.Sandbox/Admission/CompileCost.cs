using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission;

/// <summary>
/// What compiling a candidate's text would cost the host, judged from its syntax before any compilation: text that
/// would take Roslyn minutes or gigabytes in the host, inside one method body where no cancellation reaches, is
/// refused with its reason instead.
/// </summary>
internal static class CompileCost
{
    /// <summary>
    /// The deepest syntax admission accepts. Brackets are limited apart (<see cref="CandidateCompiler.MaxNesting"/>); this limits what
    /// nests without them: a chain of 2,000 <c>??</c> or a generic type 2,000 deep costs Roslyn seconds or its stack.
    /// </summary>
    public const int MaxSyntaxDepth = 1000;

    /// <summary>
    /// The code of a text and why compiling it would cost the host too much, or nulls: syntax nested deeper than
    /// <see cref="MaxSyntaxDepth"/>, constant strings longer than <see cref="ConstantStrings.MaxCharacters"/>, or
    /// lambdas whose binding could come to more than <see cref="LambdaBinding.MaxBindings"/>, a query of more than
    /// <see cref="MaxQueryClauses"/> clauses, a chain of more than <see cref="MaxChain"/> member accesses, or locals whose
    /// inferred types could grow past <see cref="InferredTypes.MaxParts"/> parts. Parsed here only when the text could
    /// hold any of these: long enough to nest that deep, declaring a constant, holding two lambdas, a long text holding
    /// a query, enough dots for such a chain, or enough locals declared with var.
    /// </summary>
    public static (string? Code, string? Reason) TooHeavy(string text, CancellationToken cancellationToken)
    {
        var deepEnough = text.Length > 2 * MaxSyntaxDepth;
        var constants = text.Contains("const", StringComparison.Ordinal);
        // Short text binds its lambdas many times only if one stands inside another's body (a query's clauses are lambdas).
        var lambdas = deepEnough || CountOf(text, "=>", 2) + CountOf(text, "delegate", 2) + CountOf(text, "from", 2) >= 2;
        var queries = text.Length > MaxQueryClauses * "let x=y".Length && text.Contains("from", StringComparison.Ordinal);
        var chains = text.AsSpan().Count('.') > MaxChain;
        // A type doubles at most once per local declared with var, or per nested call of a generic method.
        var inferred = CountOf(text, "var", 17) > 16 || text.Contains('<', StringComparison.Ordinal) && CountOf(text, "(", 17) > 16;
        if (!deepEnough && !constants && !lambdas && !queries && !chains && !inferred)
        {
            return (null, null);
        }
        var code = CandidateCompiler.CodeOf(text, cancellationToken);
        var root = CSharpSyntaxTree.ParseText(code, CandidateCompiler.ParseOptions, cancellationToken: cancellationToken).GetRoot(cancellationToken);
        if (deepEnough && SyntaxDepth(root) > MaxSyntaxDepth)
        {
            return (code, $"the code nests more than {MaxSyntaxDepth:N0} deep (a chain of operators, generic types or lambdas)");
        }
        if (constants && ConstantStrings.TooLong(root))
        {
            // Emitting a constant builds it whole, in the host.
            return (code, $"the code's constant strings could come to more than {ConstantStrings.MaxCharacters:N0} characters");
        }
        if (inferred && InferredTypes.TooLarge(root))
        {
            return (code, $"a local's or a call's inferred type could have more than {InferredTypes.MaxParts:N0} parts (var b = (a, a); doubles a's, and so does a call of (T, T) D<T>(T x))");
        }
        if (chains && LongestChain(root) > MaxChain)
        {
            return (code, $"a chain of more than {MaxChain} member accesses (a.B().C()…): checking one costs the square of its length");
        }
        if (queries && root.DescendantNodes().OfType<QueryExpressionSyntax>().Any(query => Clauses(query) > MaxQueryClauses))
        {
            return (code, $"a query has more than {MaxQueryClauses} clauses (each let or from wraps every range variable before it in one more type)");
        }
        if (lambdas && LambdaBinding.TooCostly(root))
        {
            return (code, "the compiler would bind its lambdas more than " + $"{LambdaBinding.MaxBindings:N0} times: a lambda (or query clause) passed to "
                + "a call is bound once per overload of its name, and once more for each binding of a lambda around it; "
                + "nest fewer lambdas in calls with many overloads");
        }
        return (null, null);
    }

    /// <summary>
    /// The most member accesses one chain may have (<c>sb.Append(a).Append(b)…</c>, <c>xs.Select(…).Where(…)…</c>). The
    /// semantic model binds each link's receiver again when the policy asks about the link: 300 links took the policy
    /// check 4 s, and 300 of them taking lambdas 16 s.
    /// </summary>
    public const int MaxChain = 64;

    /// <summary>How many member accesses the longest chain of <paramref name="root"/> has, counted without recursion.</summary>
    private static int LongestChain(SyntaxNode root)
    {
        var nodes = root.DescendantNodes().ToList();
        var links = new Dictionary<SyntaxNode, int>();
        var longest = 0;
        // In reverse document order every node comes after the nodes it holds: a receiver is counted before its chain.
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var count = nodes[i] switch
            {
                MemberAccessExpressionSyntax access => 1 + links.GetValueOrDefault(access.Expression),
                InvocationExpressionSyntax invocation => links.GetValueOrDefault(invocation.Expression),
                ElementAccessExpressionSyntax element => links.GetValueOrDefault(element.Expression),
                PostfixUnaryExpressionSyntax postfix => links.GetValueOrDefault(postfix.Operand),
                ParenthesizedExpressionSyntax parenthesized => links.GetValueOrDefault(parenthesized.Expression),
                ConditionalAccessExpressionSyntax conditional => 1 + links.GetValueOrDefault(conditional.Expression) + links.GetValueOrDefault(conditional.WhenNotNull),
                _ => 0,
            };
            if (count > 0)
            {
                links[nodes[i]] = count;
                longest = Math.Max(longest, count);
            }
        }
        return longest;
    }

    /// <summary>
    /// The most clauses a query may have, continuations included. Each <c>let</c> or <c>from</c> makes the compiler wrap
    /// the range variables so far in one more anonymous type, and the cost grows steeply: 400 clauses took a minute
    /// and 1,000 took gigabytes, in one method body, where no cancellation reaches.
    /// </summary>
    public const int MaxQueryClauses = 64;

    private static int Clauses(QueryExpressionSyntax query)
    {
        var clauses = 1;
        for (var body = query.Body; body is not null; body = body.Continuation?.Body)
        {
            clauses += body.Clauses.Count + 1;
        }
        return clauses;
    }

    /// <summary>How often <paramref name="value"/> occurs in <paramref name="text"/>, counted up to <paramref name="atMost"/>.</summary>
    private static int CountOf(string text, string value, int atMost = int.MaxValue)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0 && count < atMost; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>How deep a syntax tree nests, found without recursion.</summary>
    private static int SyntaxDepth(SyntaxNode root)
    {
        var deepest = 0;
        var pending = new Stack<(SyntaxNode Node, int Depth)>([(root, 1)]);
        while (pending.TryPop(out var next))
        {
            deepest = Math.Max(deepest, next.Depth);
            foreach (var child in next.Node.ChildNodes())
            {
                pending.Push((child, next.Depth + 1));
            }
        }
        return deepest;
    }
}
