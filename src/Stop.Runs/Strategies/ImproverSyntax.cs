using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission;

namespace Stop.Runs.Strategies;

/// <summary>
/// An improver's syntax tree (parsed as a script) and the facts the strategy patterns share: where the model
/// is called, where scores and random draws are, and which variables each value flows into.
/// </summary>
/// <remarks>
/// There is no semantic model: improvers are analysed without compiling them. Variables are therefore identified
/// by name within the file, which merges two variables that share a name; improvers are short single methods,
/// and a merge can only add flows, so patterns that need two flows to be separate stay conservative.
/// Identity by name is also what makes detection blind to the names themselves: renaming a variable
/// consistently renames every node of the graph and changes nothing else.
/// </remarks>
internal sealed class ImproverSyntax
{
    /// <summary>Graph node standing for every value returned by <c>Utility.Score</c>.</summary>
    public const string ScoreNode = "@score";

    /// <summary>Graph node standing for every value drawn from a <see cref="Random"/>.</summary>
    public const string RandomNode = "@random";

    private readonly Dictionary<string, List<(string Source, FlowKind Kind)>> _sources = [];
    private readonly Dictionary<string, List<SyntaxNode>> _declarations = [];
    private readonly HashSet<int> _callSites = [];
    private readonly Dictionary<string, bool> _collections = [];

    private ImproverSyntax(SyntaxTree tree)
    {
        Tree = tree;
        Root = tree.GetRoot();
        ModelCalls = ModelCallFinder.Find(this);
        foreach (var call in ModelCalls)
        {
            _callSites.Add(call.Site.SpanStart);
        }
        Assignments = AssignmentFinder.Find(Root);
        foreach (var assignment in Assignments)
        {
            var sources = Sources(assignment.Target);
            if (assignment.Value is null)
            {
                continue;
            }
            foreach (var (name, kind) in References(assignment.Value))
            {
                sources.Add((name, assignment.Kind == FlowKind.Iteration ? FlowKind.Iteration : kind));
            }
        }
        foreach (var (name, node) in AssignmentFinder.Declarations(Root))
        {
            if (!_declarations.TryGetValue(name, out var nodes))
            {
                _declarations[name] = nodes = [];
            }
            nodes.Add(node);
        }
    }

    public SyntaxTree Tree { get; }

    public SyntaxNode Root { get; }

    public IReadOnlyList<ModelCall> ModelCalls { get; }

    public IReadOnlyList<Assignment> Assignments { get; }

    public static ImproverSyntax Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);
        // Text admission refuses for its nesting is not parsed here either.
        var parsed = CandidateCompiler.NestsTooDeep(source) ? "" : source;
        return new ImproverSyntax(CSharpSyntaxTree.ParseText(parsed, options));
    }

    public static string CallNode(SyntaxNode site) => "@call:" + site.SpanStart;

    public static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public static bool IsLoop(SyntaxNode node) =>
        node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    /// <summary>The loops that repeat <paramref name="node"/>, innermost first (a foreach's collection is not repeated).</summary>
    public static IEnumerable<StatementSyntax> LoopsAround(SyntaxNode node)
    {
        var child = node;
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is CommonForEachStatementSyntax forEach)
            {
                if (forEach.Statement == child)
                {
                    yield return forEach;
                }
            }
            else if (ancestor is ForStatementSyntax forLoop)
            {
                if (forLoop.Declaration != child && !forLoop.Initializers.Contains(child))
                {
                    yield return forLoop;
                }
            }
            else if (IsLoop(ancestor))
            {
                yield return (StatementSyntax)ancestor;
            }
            child = ancestor;
        }
    }

    public static bool IsRepeatedBy(SyntaxNode node, SyntaxNode loop) => LoopsAround(node).Contains(loop);

    /// <summary>The called member's name: <c>Take</c> for <c>xs.Take(3)</c>, <c>f</c> for <c>f(x)</c>.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The receiver of <c>xs.M(...)</c>, or null for a plain call.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;

    public static bool IsScoreReference(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Score" },
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "Score" && member.Parent is not InvocationExpressionSyntax,
        _ => false,
    };

    public static bool IsRandomDraw(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
        && member.Name.Identifier.ValueText is "NextDouble" or "NextSingle" or "Next" or "NextInt64";

    /// <summary>A draw of a uniform number in [0, 1): <c>NextDouble()</c> or <c>NextSingle()</c>.</summary>
    public static bool IsUniformDraw(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
        && member.Name.Identifier.ValueText is "NextDouble" or "NextSingle";

    public static bool IsNumericLiteral(SyntaxNode node, out double value)
    {
        value = 0;
        if (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal)
        {
            value = Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    public bool IsModelCall(SyntaxNode node) => node is InvocationExpressionSyntax && _callSites.Contains(node.SpanStart);

    /// <summary>
    /// The variables and special nodes an expression reads directly, each with how: an identifier indexed by a
    /// computed index (<c>xs[i]</c>) reads one element; everything else reads the whole value.
    /// </summary>
    public IEnumerable<(string Name, FlowKind Kind)> References(SyntaxNode expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case IdentifierNameSyntax id when IsVariableReference(id):
                    var indexed = id.Parent is ElementAccessExpressionSyntax access && access.Expression == id
                        && !access.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax or PrefixUnaryExpressionSyntax);
                    yield return (id.Identifier.ValueText, indexed ? FlowKind.Indexed : FlowKind.Direct);
                    break;
                case InvocationExpressionSyntax invocation:
                    if (_callSites.Contains(invocation.SpanStart))
                    {
                        yield return (CallNode(invocation), FlowKind.Direct);
                    }
                    if (IsScoreReference(invocation))
                    {
                        yield return (ScoreNode, FlowKind.Direct);
                    }
                    if (IsRandomDraw(invocation))
                    {
                        yield return (RandomNode, FlowKind.Direct);
                    }
                    break;
                case MemberAccessExpressionSyntax member when IsScoreReference(member):
                    yield return (ScoreNode, FlowKind.Direct);
                    break;
            }
        }
    }

    /// <summary>
    /// Everything whose value can reach <paramref name="roots"/>: variables, <see cref="CallNode"/>s,
    /// <see cref="ScoreNode"/>, <see cref="RandomNode"/>. <paramref name="follow"/> limits the kinds of flow walked;
    /// <paramref name="skip"/> names variables the walk must not pass.
    /// </summary>
    public HashSet<string> SourcesOf(IEnumerable<SyntaxNode> roots, Func<FlowKind, bool>? follow = null, Func<string, bool>? skip = null)
    {
        follow ??= static _ => true;
        skip ??= static _ => false;
        var reached = new HashSet<string>();
        var pending = new Stack<string>();
        foreach (var root in roots)
        {
            foreach (var (name, kind) in References(root))
            {
                if (follow(kind) && !skip(name) && reached.Add(name))
                {
                    pending.Push(name);
                }
            }
        }
        while (pending.Count > 0)
        {
            if (!_sources.TryGetValue(pending.Pop(), out var sources))
            {
                continue;
            }
            foreach (var (name, kind) in sources)
            {
                if (follow(kind) && !skip(name) && reached.Add(name))
                {
                    pending.Push(name);
                }
            }
        }
        return reached;
    }

    public HashSet<string> SourcesOf(SyntaxNode root, Func<FlowKind, bool>? follow = null, Func<string, bool>? skip = null) =>
        SourcesOf([root], follow, skip);

    /// <summary>The variables whose value can come from <paramref name="node"/> (a variable or special node).</summary>
    public HashSet<string> DependentsOf(string node)
    {
        var dependents = new HashSet<string>();
        var pending = new Stack<string>([node]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var (target, sources) in _sources)
            {
                if (sources.Any(s => s.Source == current) && dependents.Add(target))
                {
                    pending.Push(target);
                }
            }
        }
        return dependents;
    }

    /// <summary>The model calls that <paramref name="loop"/> repeats.</summary>
    public IEnumerable<ModelCall> CallsIn(SyntaxNode loop) => ModelCalls.Where(c => IsRepeatedBy(c.Site, loop));

    /// <summary>The <c>if</c> conditions that decide whether <paramref name="node"/> runs, innermost first.</summary>
    public static IEnumerable<ExpressionSyntax> Guards(SyntaxNode node) =>
        node.Ancestors().OfType<IfStatementSyntax>().Where(i => !i.Condition.Span.Contains(node.Span)).Select(i => i.Condition);

    public static bool Contains(SyntaxNode node, Func<SyntaxNode, bool> predicate) => node.DescendantNodesAndSelf().Any(predicate);

    public static bool IsVariable(string node) => !node.StartsWith('@');

    public IEnumerable<Assignment> AssignmentsTo(string name) => Assignments.Where(a => a.Target == name);

    /// <summary>True when the variable exists before <paramref name="scope"/> runs (declared outside it, or a parameter).</summary>
    public bool IsDeclaredOutside(string name, SyntaxNode scope) =>
        _declarations.TryGetValue(name, out var nodes) && nodes.All(n => !scope.Span.Contains(n.Span));

    public bool IsDeclaredInside(string name, SyntaxNode scope) =>
        _declarations.TryGetValue(name, out var nodes) && nodes.Any(n => scope.Span.Contains(n.Span));

    /// <summary>True when the variable is used as a collection: iterated, indexed, or the receiver of a collection method.</summary>
    public bool IsCollection(string name)
    {
        if (!_collections.TryGetValue(name, out var isCollection))
        {
            _collections[name] = isCollection = UsedAsCollection(name);
        }
        return isCollection;
    }

    private bool UsedAsCollection(string name)
    {
        foreach (var id in Root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (id.Identifier.ValueText != name || !IsVariableReference(id))
            {
                continue;
            }
            switch (id.Parent)
            {
                case CommonForEachStatementSyntax forEach when forEach.Expression == id:
                case ElementAccessExpressionSyntax access when access.Expression == id:
                    return true;
                case MemberAccessExpressionSyntax member when member.Expression == id && CollectionMembers.Contains(member.Name.Identifier.ValueText):
                    return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> CollectionMembers =
    [
        "Add", "AddRange", "Count", "Take", "Skip", "OrderBy", "OrderByDescending", "Select", "Where", "MaxBy", "MinBy",
        "Max", "Min", "First", "Last", "ToList", "ToArray", "Concat", "Sort", "RemoveAt", "RemoveRange", "Clear", "Zip",
        "GroupBy", "Distinct", "ElementAt", "Sum", "Average", "Aggregate", "Push", "Enqueue", "Dequeue", "Pop",
    ];

    private static bool IsVariableReference(IdentifierNameSyntax id) => id.Parent switch
    {
        MemberAccessExpressionSyntax member => member.Expression == id,
        NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or TypeArgumentListSyntax or ParameterSyntax => false,
        ObjectCreationExpressionSyntax creation => creation.Type != id,
        VariableDeclarationSyntax declaration => declaration.Type != id,
        DeclarationExpressionSyntax declaration => declaration.Type != id,
        ForEachStatementSyntax forEach => forEach.Type != id,
        CastExpressionSyntax cast => cast.Type != id,
        _ => true,
    };

    private List<(string Source, FlowKind Kind)> Sources(string target)
    {
        if (!_sources.TryGetValue(target, out var list))
        {
            _sources[target] = list = [];
        }
        return list;
    }
}
