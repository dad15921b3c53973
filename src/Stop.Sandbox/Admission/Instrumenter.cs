using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission.Policy;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Rewrites a candidate's syntax so that its CPU and recursion are counted: a fuel tick on every loop
/// back-edge and label, an enter/leave pair around every method, local function, accessor and lambda,
/// a charge on every array allocation, and seeded stand-ins for <c>new Random()</c> and <c>Random.Shared</c>.
/// Injected nodes carry no line breaks, so line numbers in diagnostics stay the candidate's own, and they
/// carry <see cref="Annotation"/> so the policy checks only what the candidate wrote.
/// </summary>
internal sealed class Instrumenter : CSharpSyntaxRewriter
{
    /// <summary>The annotation kind on every node the instrumenter adds.</summary>
    public const string AnnotationKind = CandidatePolicy.InstrumentationAnnotationKind;

    private const string Meter = "global::Stop.Guest.Runtime.Meter";
    private const string SeededRandom = "global::Stop.Guest.Runtime.SeededRandom";

    private static readonly SyntaxAnnotation Annotation = new(AnnotationKind);

    private static readonly StatementSyntax Tick = Injected(ParseStatement($"{Meter}.Tick(); "));
    private static readonly StatementSyntax Enter = Injected(ParseStatement($"{Meter}.Enter(); "));
    private static readonly FinallyClauseSyntax Leave =
        Injected(((TryStatementSyntax)ParseStatement($"try {{ }} finally {{ {Meter}.Leave(); }}")).Finally!);
    private static readonly ExpressionSyntax Go = Injected(ParseExpression($"{Meter}.Go()"));
    private static readonly SyntaxToken ReturnKeyword = Token(default, SyntaxKind.ReturnKeyword, TriviaList(Space));

    private readonly bool meterExpressionLambdas;

    private Instrumenter(bool meterExpressionLambdas) => this.meterExpressionLambdas = meterExpressionLambdas;

    /// <summary>Instruments a parsed candidate.</summary>
    /// <param name="tree">The candidate as parsed.</param>
    /// <param name="meterExpressionLambdas">Whether expression lambdas whose body looks like a value tick through a conditional.</param>
    public static SyntaxTree Instrument(SyntaxTree tree, bool meterExpressionLambdas)
    {
        var root = new Instrumenter(meterExpressionLambdas).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node)
    {
        var visited = (LabeledStatementSyntax)base.VisitLabeledStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, Tick));
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return MeteredMember(visited, IsVoid(visited.ReturnType));
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        MeteredMember((BaseMethodDeclarationSyntax)base.VisitConstructorDeclaration(node)!, isVoid: true);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        MeteredMember((BaseMethodDeclarationSyntax)base.VisitOperatorDeclaration(node)!, isVoid: false);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        MeteredMember((BaseMethodDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, isVoid: false);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return Metered(visited, visited.Body, visited.ExpressionBody, IsVoid(visited.ReturnType),
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default));
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        return Metered(visited, visited.Body, visited.ExpressionBody, isVoid: !visited.IsKind(SyntaxKind.GetAccessorDeclaration),
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default));
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(MeteredGetter(arrow))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(MeteredGetter(arrow))
            : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.Block is { } block && !IsIterator(block) ? visited.WithBlock(MeteredBlock(block)) : visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        MeteredLambda((LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        MeteredLambda((LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        var visited = (ArrayRankSpecifierSyntax)base.VisitArrayRankSpecifier(node)!;
        if (node.Parent is not ArrayCreationExpressionSyntax || visited.Sizes.All(s => s is OmittedArraySizeExpressionSyntax))
        {
            return visited;
        }
        // new T[n] charges fuel in proportion to n, so allocation-heavy loops cannot run unmetered.
        return visited.WithSizes(SeparatedList(visited.Sizes.Select(size => size is OmittedArraySizeExpressionSyntax
            ? size
            : Wrapper(InvocationExpression(Injected(ParseExpression($"{Meter}.Charge")), ArgumentList(SingletonSeparatedList(Argument(size))))))));
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        return IsRandomName(visited.Type) && visited.ArgumentList is { Arguments.Count: 0 } && visited.Initializer is null
            ? Injected(ParseExpression($"{SeededRandom}.Create()")).WithTriviaFrom(visited)
            : visited;
    }

    public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        var visited = (MemberAccessExpressionSyntax)base.VisitMemberAccessExpression(node)!;
        return visited.Name.Identifier.Text == "Shared" && IsRandomName(visited.Expression)
            ? Injected(ParseExpression($"{SeededRandom}.Shared")).WithTriviaFrom(visited)
            : visited;
    }

    /// <summary>Rewrites nodes the policy found, by meaning, to be <c>new Random()</c> or <c>Random.Shared</c>.</summary>
    public static SyntaxTree RewriteRandom(SyntaxTree tree, IEnumerable<SyntaxNode> nodes)
    {
        var root = tree.GetRoot().ReplaceNodes(nodes, (original, _) => original switch
        {
            MemberAccessExpressionSyntax => Injected(ParseExpression($"{SeededRandom}.Shared")).WithTriviaFrom(original),
            _ => Injected(ParseExpression($"{SeededRandom}.Create()")).WithTriviaFrom(original),
        });
        return tree.WithRootAndOptions(root, tree.Options);
    }

    private static bool IsRandomName(ExpressionSyntax expression) => expression.ToString().Replace(" ", "") is
        "Random" or "System.Random" or "global::System.Random";

    /// <summary>Marks code that is the instrumenter's own, all of it: the policy does not judge it.</summary>
    private static T Injected<T>(T node)
        where T : SyntaxNode => CandidatePolicy.MarkInstrumented(node);

    /// <summary>Marks only the node itself: it wraps candidate code, which the policy still judges.</summary>
    private static T Wrapper<T>(T node)
        where T : SyntaxNode => node.WithAdditionalAnnotations(Annotation);

    private static ReturnStatementSyntax Return(ExpressionSyntax expression) =>
        ReturnStatement(ReturnKeyword, expression, Token(SyntaxKind.SemicolonToken));

    private static BlockSyntax Prepend(StatementSyntax statement, StatementSyntax first) => statement is BlockSyntax block
        ? block.WithStatements(block.Statements.Insert(0, first))
        : Block(first, statement);

    private static BlockSyntax MeteredBlock(BlockSyntax body) =>
        Block(Enter, TryStatement(body, default, Leave));

    private static bool IsIterator(SyntaxNode body) =>
        body.DescendantNodes(n => n is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax or AnonymousMethodExpressionSyntax))
            .Any(n => n is YieldStatementSyntax);

    private static T Metered<T>(T node, BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, bool isVoid, Func<BlockSyntax, T> withBody)
        where T : SyntaxNode
    {
        if (body is not null)
        {
            // Iterators run their body lazily; a tick per entry is all they can carry.
            return withBody(IsIterator(body) ? Prepend(body, Tick) : MeteredBlock(body));
        }
        if (arrow is null)
        {
            return node;
        }
        StatementSyntax statement = isVoid ? ExpressionStatement(arrow.Expression) : Return(arrow.Expression);
        return withBody(MeteredBlock(Block(statement)));
    }

    private static BaseMethodDeclarationSyntax MeteredMember(BaseMethodDeclarationSyntax visited, bool isVoid) =>
        Metered(visited, visited.Body, visited.ExpressionBody, isVoid,
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default));

    /// <summary><c>T P =&gt; e;</c> becomes <c>T P { get { enter; try { return e; } finally { leave; } } }</c>.</summary>
    private static AccessorListSyntax MeteredGetter(ArrowExpressionClauseSyntax arrow) =>
        AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, MeteredBlock(Block(Return(arrow.Expression))))));

    private static bool IsVoid(TypeSyntax returnType) =>
        returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    private LambdaExpressionSyntax MeteredLambda(LambdaExpressionSyntax lambda)
    {
        if (lambda.Block is { } block)
        {
            return IsIterator(block) ? lambda : lambda.WithBlock(MeteredBlock(block));
        }
        if (!meterExpressionLambdas)
        {
            return lambda;
        }
        // An expression lambda may return void, which the syntax cannot tell; one whose body is a value
        // (not a call, assignment or throw) ticks through a conditional: go ? e : default.
        return lambda.ExpressionBody switch
        {
            null or InvocationExpressionSyntax or AssignmentExpressionSyntax or ThrowExpressionSyntax
                or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or LambdaExpressionSyntax
                or AnonymousMethodExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression }
                or AwaitExpressionSyntax or CollectionExpressionSyntax => lambda,
            var body => lambda.WithExpressionBody(Wrapper(ParenthesizedExpression(Wrapper(ConditionalExpression(
                Go, ParenthesizedExpression(body), Injected(LiteralExpression(SyntaxKind.DefaultLiteralExpression, Token(SyntaxKind.DefaultKeyword)))))))),
        };
    }
}
