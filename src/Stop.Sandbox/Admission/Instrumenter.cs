using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Stop.Sandbox.Admission.Policy;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Stop.Sandbox.Admission;

/// <summary>
/// Rewrites a candidate's syntax so that its CPU and recursion are counted: a fuel tick on every loop
/// back-edge, label, <c>goto case</c> and query clause, an enter/leave pair around every method, local function,
/// accessor, lambda and construction, a charge on every array allocation, a return to the try's depth in every
/// catch, and seeded stand-ins for <c>new Random()</c> and <c>Random.Shared</c>. A tick or entry whose body is large
/// burns more than one unit (<see cref="Units(SyntaxNode)"/>).
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
    private static readonly StatementSyntax LeaveStatement = Injected(ParseStatement($"{Meter}.Leave(); "));
    private static readonly FinallyClauseSyntax Leave = Injected(FinallyClause(Block(LeaveStatement)));
    private static readonly SyntaxToken ReturnKeyword = Token(default, SyntaxKind.ReturnKeyword, TriviaList(Space));

    /// <summary>On an expression lambda the instrumenter gave a block; unlike <see cref="Annotation"/> it leaves the lambda judged.</summary>
    private static readonly SyntaxAnnotation MeteredLambdaMark = new("stop-metered-lambda");

    /// <summary>Whether an error falls on a node the instrumenter wrote or copied itself, not on candidate code it wraps.</summary>
    public static bool OnCopy(Diagnostic error) => NodeAt(error)?.HasAnnotations(AnnotationKind) == true;

    /// <summary>Whether an error falls in code the instrumenter wrote or on a lambda it rewrote.</summary>
    public static bool Caused(Diagnostic error) =>
        NodeAt(error)?.AncestorsAndSelf().Any(n => n.HasAnnotations(AnnotationKind) || n.HasAnnotation(MeteredLambdaMark)) == true;

    private static SyntaxNode? NodeAt(Diagnostic error) =>
        error.Location.SourceTree?.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);

    private readonly bool meterExpressionLambdas;
    private readonly IReadOnlySet<int> voidLambdas;
    private readonly bool declaresRandom;
    private readonly Dictionary<string, TypeSyntax> aliases;
    private int tries;
    private int iterators;

    private Instrumenter(bool meterExpressionLambdas, IReadOnlySet<int> voidLambdas, SyntaxNode root)
    {
        this.meterExpressionLambdas = meterExpressionLambdas;
        this.voidLambdas = voidLambdas;
        declaresRandom = DeclaresRandom(root);
        // Type aliases, for the element types of iterators declared through them (using E = IEnumerable<int>;).
        aliases = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Where(u => u.Alias is not null && u.NamespaceOrType is not null)
            .GroupBy(u => u.Alias!.Name.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().NamespaceOrType, StringComparer.Ordinal);
    }

    /// <summary>Instruments a parsed candidate.</summary>
    /// <param name="tree">The candidate as parsed.</param>
    /// <param name="meterExpressionLambdas">
    /// Whether expression lambdas are metered: <c>x =&gt; e</c> becomes <c>x =&gt; { enter; try { return e; } finally { leave; } }</c>.
    /// </param>
    /// <param name="voidLambdas">
    /// Positions, in the candidate's text, of expression lambdas that return nothing: they get <c>e;</c> instead of
    /// <c>return e;</c>. Syntax cannot tell; the semantic model of the candidate can (<see cref="VoidLambdas"/>).
    /// </param>
    public static SyntaxTree Instrument(SyntaxTree tree, bool meterExpressionLambdas, IReadOnlySet<int>? voidLambdas = null)
    {
        var root = new Instrumenter(meterExpressionLambdas, voidLambdas ?? FrozenSet<int>.Empty, tree.GetRoot()).Visit(tree.GetRoot());
        return tree.WithRootAndOptions(root, tree.Options);
    }

    /// <summary>
    /// The positions of the expression lambdas of <paramref name="root"/> that the compiler converts to a delegate
    /// returning nothing: what <see cref="Instrument"/> needs when its first guess, that every lambda returns its
    /// body's value, does not compile. Asked of the candidate as written, so the answer is the program's own.
    /// </summary>
    public static IReadOnlySet<int> VoidLambdas(SemanticModel model, SyntaxNode root) =>
        root.DescendantNodes()
            .OfType<LambdaExpressionSyntax>()
            .Where(lambda => lambda.ExpressionBody is not null
                // The lambda's own symbol says it even where its target is Delegate or object, which have no Invoke.
                && (model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true }
                    || model.GetTypeInfo(lambda).ConvertedType is INamedTypeSymbol { DelegateInvokeMethod.ReturnsVoid: true }))
            .Select(lambda => lambda.SpanStart)
            .ToHashSet();

    /// <summary>Whether the tree has an expression lambda, the one construct whose metering may need a second attempt.</summary>
    public static bool HasExpressionLambda(SyntaxNode root) =>
        root.DescendantNodes().Any(node => node is LambdaExpressionSyntax { ExpressionBody: not null });

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickFor(node)));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickFor(node)));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickFor(node)));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickFor(node)));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement, TickFor(node)));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;
        // goto case and goto default jump back to a switch section, not to a label, which carries the tick otherwise.
        return visited.IsKind(SyntaxKind.GotoStatement) ? visited : Block(TickFor(node.FirstAncestorOrSelf<SwitchStatementSyntax>() ?? (SyntaxNode)node), visited);
    }

    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node)
    {
        var visited = (LabeledStatementSyntax)base.VisitLabeledStatement(node)!;
        // A goto can only jump out of blocks, never into one: what runs before it jumps back lies in the label's block.
        var tick = TickFor(node.Parent is GlobalStatementSyntax global ? global.Parent! : node.Parent!);
        // In a block or a switch section the label goes on the tick and the statement follows it, so that a variable
        // the statement declares (L: var x = …;) stays in scope (Spliced); elsewhere both go in a block of their own.
        return visited.WithStatement(Block(tick, visited.Statement).WithAdditionalAnnotations(SpliceMark));
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        return visited.WithStatements(Spliced(visited.Statements));
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return visited.WithStatements(Spliced(visited.Statements));
    }

    /// <summary>On the block <see cref="VisitLabeledStatement"/> makes of a tick and the labeled statement.</summary>
    private static readonly SyntaxAnnotation SpliceMark = new("stop-labeled-tick");

    /// <summary><c>L: { tick; s }</c> becomes <c>L: tick; s</c> among the statements around it.</summary>
    private static SyntaxList<StatementSyntax> Spliced(SyntaxList<StatementSyntax> statements) =>
        statements.Any(s => s is LabeledStatementSyntax { Statement: BlockSyntax block } && block.HasAnnotation(SpliceMark))
            ? List(statements.SelectMany(s => s is LabeledStatementSyntax { Statement: BlockSyntax block } labeled && block.HasAnnotation(SpliceMark)
                ? block.Statements.Skip(1).Prepend(labeled.WithStatement(block.Statements[0]))
                : [s]))
            : statements;

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return MeteredMember(node, visited, IsVoid(visited.ReturnType), visited.ReturnType, Units(node));
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        MeteredMember(node, (BaseMethodDeclarationSyntax)base.VisitConstructorDeclaration(node)!, isVoid: true, returnType: null, Units(node));

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        // C# 14's compound assignment and increment operators return nothing.
        MeteredMember(node, (BaseMethodDeclarationSyntax)base.VisitOperatorDeclaration(node)!, IsVoid(node.ReturnType), node.ReturnType, Units(node));

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        MeteredMember(node, (BaseMethodDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, isVoid: false, node.Type, Units(node));

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return Metered(visited, visited.Body, visited.ExpressionBody, IsVoid(visited.ReturnType), visited.ReturnType, Units(node),
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default), visited.ParameterList);
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        var type = node.Parent?.Parent is BasePropertyDeclarationSyntax property && node.IsKind(SyntaxKind.GetAccessorDeclaration) ? property.Type : null;
        return Metered(visited, visited.Body, visited.ExpressionBody, isVoid: !visited.IsKind(SyntaxKind.GetAccessorDeclaration), type, Units(node),
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default), (node.Parent?.Parent as IndexerDeclarationSyntax)?.ParameterList, node);
    }

    public override SyntaxNode? VisitFieldDeclaration(FieldDeclarationSyntax node)
    {
        var visited = (FieldDeclarationSyntax)base.VisitFieldDeclaration(node)!;
        // A script's top-level variables (var x = …) are fields of the script, initialized once, like its statements.
        // A ref field's initializer is a reference, which no method can take and hand on as a value.
        if (visited.Modifiers.Any(SyntaxKind.ConstKeyword) || node.Parent is CompilationUnitSyntax || visited.Declaration.Type is { IsVar: true } or RefTypeSyntax)
        {
            return visited;
        }
        return visited.WithDeclaration(MeteredInitializers(visited.Declaration, node.Declaration));
    }

    public override SyntaxNode? VisitEventFieldDeclaration(EventFieldDeclarationSyntax node)
    {
        var visited = (EventFieldDeclarationSyntax)base.VisitEventFieldDeclaration(node)!;
        return visited.WithDeclaration(MeteredInitializers(visited.Declaration, node.Declaration));
    }

    private static VariableDeclarationSyntax MeteredInitializers(VariableDeclarationSyntax visited, VariableDeclarationSyntax original) =>
        visited.WithVariables(SeparatedList(visited.Variables.Zip(original.Variables, (variable, before) =>
            variable.Initializer is { } initializer ? variable.WithInitializer(MeteredInitializer(initializer, visited.Type, Units(before.Initializer!))) : variable)));

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.Initializer is { } initializer)
        {
            visited = visited.WithInitializer(MeteredInitializer(initializer, visited.Type, Units(node.Initializer!)));
        }
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(MeteredGetter(arrow, Units(node.ExpressionBody!)))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(MeteredGetter(arrow, Units(node)))
            : visited;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return visited.Block is { } block && !IsIterator(block) ? visited.WithBlock(MeteredBlock(block, Units(node))) : visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        MeteredLambda(node.SpanStart, (LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!, Units(node));

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        MeteredLambda(node.SpanStart, (LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!, Units(node));

    public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
    {
        var visited = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node)!;
        // new T[n] charges fuel in proportion to its elements, so allocation-heavy loops cannot run unmetered.
        return node.Type.RankSpecifiers.Any(rank => rank.Sizes.Any(size => size is not OmittedArraySizeExpressionSyntax)) && !InAttribute(node)
            ? Wrapper(InvocationExpression(Injected(ParseExpression($"{Meter}.Allocated")), ArgumentList(SingletonSeparatedList(Argument(visited)))))
            : visited;
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        if (IsRandomName(visited.Type) && visited.ArgumentList is { Arguments.Count: 0 } && visited.Initializer is null)
        {
            return Injected(ParseExpression($"{SeededRandom}.Create()")).WithTriviaFrom(visited);
        }
        // Field initializers and constructor arguments run before any constructor body enters: a construction made
        // there is entered itself, so that recursion and work through them are counted. (Anywhere else the method
        // around it has entered already, and counting the construction too would halve the depth of a recursion.)
        return !BeforeAnyBody(node)
            ? visited
            : Wrapper(InvocationExpression(
                Injected(ParseExpression($"{Meter}.Constructed")),
                ArgumentList(SeparatedList([Argument(Entering(Units(node))), Argument(visited)]))));
    }

    public override SyntaxNode? VisitConstructorInitializer(ConstructorInitializerSyntax node)
    {
        var visited = (ConstructorInitializerSyntax)base.VisitConstructorInitializer(node)!;
        return visited.WithArgumentList(CountedArguments(visited.ArgumentList, node.ArgumentList));
    }

    public override SyntaxNode? VisitPrimaryConstructorBaseType(PrimaryConstructorBaseTypeSyntax node)
    {
        var visited = (PrimaryConstructorBaseTypeSyntax)base.VisitPrimaryConstructorBaseType(node)!;
        return visited.WithArgumentList(CountedArguments(visited.ArgumentList, node.ArgumentList));
    }

    /// <summary>
    /// A constructor's arguments to another run before any body, where no tick is: a large one pays for its size as it
    /// is evaluated, <c>Counted(e, units)</c>. Small ones, and those a wrapper could change (ref, out, target-typed), stay.
    /// </summary>
    private static ArgumentListSyntax CountedArguments(ArgumentListSyntax visited, ArgumentListSyntax original) =>
        visited.WithArguments(SeparatedList(visited.Arguments.Zip(original.Arguments, (argument, before) =>
            Units(before.Expression) is var units && units > 1 && argument.RefKindKeyword.IsKind(SyntaxKind.None)
                && before.Expression is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                    or CollectionExpressionSyntax or ThrowExpressionSyntax or LiteralExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax)
                ? argument.WithExpression(Counted(argument.Expression, units))
                : argument), visited.Arguments.GetSeparators()));

    public override SyntaxNode? VisitTryStatement(TryStatementSyntax node)
    {
        var visited = (TryStatementSyntax)base.VisitTryStatement(node)!;
        if (visited.Catches.Count == 0)
        {
            return visited;
        }
        // A catch pays for the exception and returns to the depth its try started at: an exception may have skipped a
        // construction's leaving.
        var depth = Identifier($"<stop>depth{++tries}");
        var keep = Local(IdentifierName("var"), depth, ParseExpression($"{Meter}.Depth"));
        var restore = Injected(ExpressionStatement(InvocationExpression(ParseExpression($"{Meter}.Caught"),
            ArgumentList(SingletonSeparatedList(Argument(IdentifierName(depth)))))));
        return Block(keep, visited.WithCatches(List(visited.Catches.Select(c => c.WithBlock(c.Block.WithStatements(c.Block.Statements.Insert(0, restore)))))));
    }

    public override SyntaxNode? VisitQueryExpression(QueryExpressionSyntax node)
    {
        var visited = (QueryExpressionSyntax)base.VisitQueryExpression(node)!;
        var units = ClauseExpressions(visited.Body).Zip(ClauseExpressions(node.Body), (clause, original) => (clause, units: Units(original)))
            .ToDictionary(pair => pair.clause, pair => pair.units);
        return visited.ReplaceNodes(units.Keys, (clause, expression) => Counted(expression, units[clause]));
    }

    /// <summary>
    /// The expressions of a query body that the compiler turns into lambdas, continuations included: every clause's,
    /// but not the first from's source or a join's, which are evaluated once.
    /// </summary>
    private static IEnumerable<ExpressionSyntax> ClauseExpressions(QueryBodySyntax body)
    {
        foreach (var clause in body.Clauses)
        {
            switch (clause)
            {
                case FromClauseSyntax from:
                    yield return from.Expression;
                    break;
                case LetClauseSyntax let:
                    yield return let.Expression;
                    break;
                case WhereClauseSyntax where:
                    yield return where.Condition;
                    break;
                case JoinClauseSyntax join:
                    yield return join.LeftExpression;
                    yield return join.RightExpression;
                    break;
                case OrderByClauseSyntax orderBy:
                    foreach (var ordering in orderBy.Orderings)
                    {
                        yield return ordering.Expression;
                    }
                    break;
            }
        }
        switch (body.SelectOrGroup)
        {
            // select x of a range variable is left out by the compiler, keeping orderby's IOrderedEnumerable: left alone.
            case SelectClauseSyntax select when select.Expression is not IdentifierNameSyntax:
                yield return select.Expression;
                break;
            case GroupClauseSyntax group:
                if (group.GroupExpression is not IdentifierNameSyntax)
                {
                    yield return group.GroupExpression;
                }
                yield return group.ByExpression;
                break;
        }
        if (body.Continuation is { } continuation)
        {
            foreach (var expression in ClauseExpressions(continuation.Body))
            {
                yield return expression;
            }
        }
    }

    /// <summary>A query clause's expression, counted each time the lambda the compiler makes of it runs.</summary>
    private static InvocationExpressionSyntax Counted(ExpressionSyntax expression, int units) =>
        Wrapper(InvocationExpression(Injected(ParseExpression($"{Meter}.Counted")), ArgumentList(SeparatedList(
            units == 1 ? new[] { Argument(expression) } : [Argument(expression), Argument(Injected(UnitsLiteral(units)))]))));

    /// <summary>
    /// A field or property initializer runs before any constructor body enters, once per object: it is entered
    /// itself, so that recursion and work through it are counted. <c>= e</c> becomes
    /// <c>= Meter.Constructed&lt;T&gt;(Meter.Entering(), e)</c>, with the member's declared type, so that <c>e</c> keeps its
    /// target type (<c>new(…)</c>, <c>null</c>, a lambda).
    /// </summary>
    private static EqualsValueClauseSyntax MeteredInitializer(EqualsValueClauseSyntax initializer, TypeSyntax type, int units) =>
        initializer.WithValue(Wrapper(InvocationExpression(
            Injected(ParseExpression($"{Meter}.Constructed<{type.WithoutTrivia()}>")),
            ArgumentList(SeparatedList([Argument(Entering(units)), Argument(AsExpression(initializer.Value, type))])))));

    /// <summary>
    /// An initializer's value as an expression: an array initializer without <c>new</c> (<c>T[] a = { … }</c>) lists
    /// elements and is no expression, so it becomes <c>new T[] { … }</c>, or a collection expression <c>[…]</c> where the
    /// declared type is not spelt as an array (an alias).
    /// </summary>
    private static ExpressionSyntax AsExpression(ExpressionSyntax value, TypeSyntax type) => value switch
    {
        InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } elements when type is ArrayTypeSyntax array =>
            Wrapper(ArrayCreationExpression(Token(SyntaxKind.NewKeyword).WithTrailingTrivia(Space), array.WithoutTrivia(), elements)),
        InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } elements =>
            Wrapper(CollectionExpression(SeparatedList<CollectionElementSyntax>(elements.Expressions.Select(e => ExpressionElement(e))))),
        _ => value,
    };

    private static ExpressionSyntax Entering(int units) =>
        Injected(ParseExpression(units == 1 ? $"{Meter}.Entering()" : $"{Meter}.Entering({units})"));

    /// <summary>
    /// Whether a node is in a constructor's arguments to another, which run before any constructor body has entered.
    /// (Field and property initializers are entered whole: <see cref="MeteredInitializer"/>.)
    /// </summary>
    internal static bool BeforeAnyBody(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                    return true;
                case MemberDeclarationSyntax or AttributeArgumentSyntax:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Whether a node is in an attribute's arguments, which must be constants.</summary>
    private static bool InAttribute(SyntaxNode node) => node.Ancestors().Any(a => a is AttributeArgumentSyntax);

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

    /// <summary>
    /// Whether the text names System.Random. A bare <c>Random</c> does unless the candidate declares something of that
    /// name (its own generator class); then only the policy, by meaning, finds the System.Random ones (<see cref="RewriteRandom"/>).
    /// </summary>
    private bool IsRandomName(ExpressionSyntax expression) => expression.ToString().Replace(" ", "") switch
    {
        "Random" => !declaresRandom,
        "System.Random" or "global::System.Random" => true,
        _ => false,
    };

    private static bool DeclaresRandom(SyntaxNode root) => root.DescendantNodes().Any(node => node switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText == "Random",
        DelegateDeclarationSyntax type => type.Identifier.ValueText == "Random",
        TypeParameterSyntax parameter => parameter.Identifier.ValueText == "Random",
        UsingDirectiveSyntax { Alias: { } alias } => alias.Name.Identifier.ValueText == "Random",
        _ => false,
    });

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

    /// <summary>An injected local: <c>type name = value;</c>.</summary>
    private static LocalDeclarationStatementSyntax Local(TypeSyntax type, SyntaxToken name, ExpressionSyntax value) =>
        Injected(LocalDeclarationStatement(VariableDeclaration(type.WithTrailingTrivia(Space),
            SingletonSeparatedList(VariableDeclarator(name).WithInitializer(EqualsValueClause(value))))));

    private static BlockSyntax MeteredBlock(BlockSyntax body, int units) =>
        Block(EnterFor(units), TryStatement(body, default, Leave));

    /// <summary>
    /// What one pass through a body costs: one unit, and one more for each <see cref="Stop.Guest.Runtime.Meter.NodesPerFuel"/> of its syntax
    /// nodes, an upper bound of the straight-line work it can do between ticks. The loops, lambdas and local functions
    /// inside are left out: they tick for themselves. Counted on the candidate's text, before instrumentation.
    /// </summary>
    internal static int Units(SyntaxNode body) =>
        1 + body.DescendantNodes(node => node == body || !TicksApart(node, body)).Count() / Stop.Guest.Runtime.Meter.NodesPerFuel;

    /// <summary>Whether a node inside <paramref name="body"/> ticks for itself: a nested function or member, or a nested loop's body.</summary>
    private static bool TicksApart(SyntaxNode node, SyntaxNode body) =>
        node is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax
            or BaseTypeDeclarationSyntax or MethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax
            or ConstructorDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax
        || node.Parent != body && node.Parent switch
        {
            ForStatementSyntax loop => loop.Statement == node,
            CommonForEachStatementSyntax loop => loop.Statement == node,
            WhileStatementSyntax loop => loop.Statement == node,
            DoStatementSyntax loop => loop.Statement == node,
            _ => false,
        };

    private static LiteralExpressionSyntax UnitsLiteral(int units) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(units));

    private static StatementSyntax TickFor(SyntaxNode body) => Units(body) is var units && units == 1
        ? Tick
        : Injected(ParseStatement($"{Meter}.Tick({units}); "));

    private static StatementSyntax EnterFor(int units) => units == 1 ? Enter : Injected(ParseStatement($"{Meter}.Enter({units}); "));

    /// <summary>
    /// An iterator's body runs piecewise inside MoveNext, so it holds a level of depth only while it runs: entered
    /// where it starts and after each <c>yield return</c>, left before each, before each <c>yield break</c> and at its
    /// end. A flag the candidate cannot name (its identifier is not one C# can spell) says whether the body holds its
    /// level. Nothing is left in a <c>finally</c> of the body's: Dispose runs those from outside, and may do so while
    /// the body runs (an iterator disposing itself), which must not give back a level still in use; an exception that
    /// escapes the body keeps its level until the catch that stops it returns to its try's depth. The body's own
    /// finally blocks, which Dispose runs while the body is suspended, at the disposer's depth, enter a level of their
    /// own when the body holds none.
    /// <code>{ enter; var ‹inside› = true; … yield return Meter.Left&lt;T&gt;(e, ‹inside› = false); enter; ‹inside› = true; … ‹inside› = false; leave; yield break; … finally { var ‹entered› = !‹inside›; if (‹entered›) { enter; ‹inside› = true; } try { … } finally { if (‹entered›) { ‹inside› = false; leave; } } } … ‹inside› = false; leave; }</code>
    /// </summary>
    private static BlockSyntax MeteredIterator(BlockSyntax body, TypeSyntax? elementType, int units)
    {
        var enter = EnterFor(units);
        var yields = OwnYields(body).ToList();
        var suspending = body.TrackNodes(yields);
        foreach (var original in yields)
        {
            var yield = suspending.GetCurrentNode(original)!;
            // The value is computed inside, then left: yield return Meter.Left<T>(e, ‹inside› = false); where syntax cannot
            // tell T, the compiler infers it from e. (Computed after leaving, e could recurse without counting its depth.)
            StatementSyntax[] replacement = yield.IsKind(SyntaxKind.YieldBreakStatement)
                ? [Inside(false), LeaveStatement, yield]
                : [yield.WithExpression(Wrapper(InvocationExpression(
                    Injected(ParseExpression(elementType is null ? $"{Meter}.Left" : $"{Meter}.Left<{elementType}>")),
                    ArgumentList(SeparatedList([Argument(yield.Expression!), Argument(Injected(AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression, IdentifierName(InsideFlag), LiteralExpression(SyntaxKind.FalseLiteralExpression))))]))))),
                    enter, Inside(true)];
            // Spliced into the statements around it, so that a variable the yield declares (out var v) stays in scope.
            suspending = yield.Parent is BlockSyntax or SwitchSectionSyntax
                ? suspending.ReplaceNode(yield, replacement)
                : suspending.ReplaceNode(yield, Block(replacement));
        }
        var finallies = OwnFinallies(suspending).ToList();
        var count = 0;
        suspending = suspending.ReplaceNodes(finallies, (_, clause) =>
        {
            var entered = Identifier($"<stop>entered{count++}");
            var declare = Local(PredefinedType(Token(SyntaxKind.BoolKeyword)), entered,
                PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, IdentifierName(InsideFlag)));
            var enterOwn = Injected(IfStatement(IdentifierName(entered), Block(enter, Inside(true))));
            var leaveOwn = Injected(IfStatement(IdentifierName(entered), Block(Inside(false), LeaveStatement)));
            return clause.WithBlock(Block(declare, enterOwn, TryStatement(clause.Block, default, FinallyClause(Block(leaveOwn)))));
        });
        var flag = Local(PredefinedType(Token(SyntaxKind.BoolKeyword)), InsideFlag, LiteralExpression(SyntaxKind.TrueLiteralExpression));
        return Block((StatementSyntax[])[enter, flag, .. suspending.Statements, Inside(false), LeaveStatement]);
    }

    /// <summary>
    /// An iterator's body moves to a local function, and the member returns what it returns through
    /// <see cref="Stop.Guest.Runtime.Meter.Iterating{T}(IEnumerable{T})"/>, whose Dispose is counted: the compiler's Dispose runs
    /// finally blocks no syntax can reach (those of <c>using</c> and <c>foreach</c>). The local function takes the member's
    /// parameters as its own, so that each enumeration starts from the values passed, as an iterator's does.
    /// <code>{ return Meter.Iterating(‹iterator›(a, b)); T ‹iterator›(A a, B b) { … } }</code>
    /// </summary>
    private BlockSyntax CountedIterator(BlockSyntax iterator, TypeSyntax returnType, BaseParameterListSyntax? parameters)
    {
        var name = Identifier($"<stop>iterator{++iterators}");
        // Only name and type: the call passes every argument, so defaults and params are not needed, and a copy on one
        // line keeps the lines of the body below it.
        var copied = parameters?.Parameters.Select(p => Parameter(p.Identifier.WithoutTrivia())
            .WithType(Injected(p.Type!.NormalizeWhitespace().WithTrailingTrivia(Space)))).ToList() ?? [];
        var function = Wrapper(LocalFunctionStatement(Injected(returnType.NormalizeWhitespace().WithTrailingTrivia(Space)), name)
            .WithParameterList(ParameterList(SeparatedList(copied)))
            .WithBody(iterator));
        var call = InvocationExpression(IdentifierName(name), ArgumentList(SeparatedList(copied.Select(p => Argument(IdentifierName(p.Identifier))))));
        var counted = Injected(Return(InvocationExpression(ParseExpression($"{Meter}.Iterating"), ArgumentList(SingletonSeparatedList(Argument(call))))));
        return Block(counted, function);
    }

    /// <summary>Whether a parameter is passed by reference, which no iterator's may be.</summary>
    private static bool HasRefParameters(BaseParameterListSyntax? parameters) =>
        parameters?.Parameters.Any(p => p.Modifiers.Any(m => m.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ScopedKeyword)) == true;

    /// <summary>Whether a member with a body is an instance member of a struct, whose <c>this</c> a local function cannot use.</summary>
    private static bool IsStructInstanceMember(SyntaxNode member) => member switch
    {
        AccessorDeclarationSyntax { Parent.Parent: BasePropertyDeclarationSyntax property } => IsStructInstanceMember(property),
        BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax => !((MemberDeclarationSyntax)member).Modifiers.Any(SyntaxKind.StaticKeyword)
            && member.Parent is StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword },
        _ => false,
    };

    /// <summary>
    /// Why an iterator's Dispose goes uncounted, or null: <see cref="CountedIterator"/> moved every other iterator's body to a
    /// local function of its own (spelt, like every name metering makes, as C# cannot), so a declaration that still
    /// yields itself is one it left: an instance member of a struct, or one whose declared type syntax did not tell.
    /// The policy refuses it.
    /// </summary>
    public static string? UncountedIterator(SyntaxNode declaration) => declaration switch
    {
        LocalFunctionStatementSyntax { Identifier.ValueText: var name } when name.StartsWith('<') => null,
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
            when declaration.ChildNodes().OfType<BlockSyntax>().FirstOrDefault() is { } body && IsIterator(body) =>
            IsStructInstanceMember(declaration)
                ? "an iterator that is an instance member of a struct (make it static, or move it to a class)"
                // Only in a tree metering has rewritten: in the candidate's own text every iterator still yields itself.
                : declaration.SyntaxTree.GetRoot().ContainsAnnotations
                    ? "an iterator whose declared type metering could not read (declare it IEnumerable<T> or IEnumerator<T>)"
                    : null,
        _ => null,
    };

    // Built as a token, never parsed: no candidate text can spell it, so no candidate can set it.
    private static readonly SyntaxToken InsideFlag = Identifier("<stop>inside");

    private static StatementSyntax Inside(bool value) => Injected(ExpressionStatement(AssignmentExpression(
        SyntaxKind.SimpleAssignmentExpression, IdentifierName(InsideFlag), LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression))));

    private static bool IsIterator(SyntaxNode body) => OwnYields(body).Any();

    /// <summary>What an iterator yields, from its declared type (<c>IEnumerable&lt;T&gt;</c> yields T); null when syntax cannot tell.</summary>
    private TypeSyntax? ElementType(TypeSyntax? returnType, int aliasesFollowed = 0) => returnType switch
    {
        NullableTypeSyntax nullable => ElementType(nullable.ElementType, aliasesFollowed),
        QualifiedNameSyntax qualified => ElementType(qualified.Right, aliasesFollowed),
        AliasQualifiedNameSyntax aliased => ElementType(aliased.Name, aliasesFollowed),
        GenericNameSyntax { Identifier.ValueText: "IEnumerable" or "IEnumerator", TypeArgumentList.Arguments: [var element] } => element.WithoutTrivia(),
        // An alias first: one may be named IEnumerable itself (using IEnumerable = …IEnumerable<int>;).
        IdentifierNameSyntax name when aliasesFollowed == 0 && aliases.TryGetValue(name.Identifier.ValueText, out var target) => ElementType(target, 1),
        IdentifierNameSyntax { Identifier.ValueText: "IEnumerable" or "IEnumerator" } => PredefinedType(Token(SyntaxKind.ObjectKeyword)),
        _ => null,
    };

    /// <summary>The finally clauses of a body itself, not of the lambdas and local functions inside it.</summary>
    private static IEnumerable<FinallyClauseSyntax> OwnFinallies(SyntaxNode body) =>
        body.DescendantNodes(n => n is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax or AnonymousMethodExpressionSyntax))
            .OfType<FinallyClauseSyntax>();

    /// <summary>The yield statements of a body itself, not of the lambdas and local functions inside it.</summary>
    private static IEnumerable<YieldStatementSyntax> OwnYields(SyntaxNode body) =>
        body.DescendantNodes(n => n is not (LambdaExpressionSyntax or LocalFunctionStatementSyntax or AnonymousMethodExpressionSyntax))
            .OfType<YieldStatementSyntax>();

    private T Metered<T>(T node, BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, bool isVoid, TypeSyntax? returnType, int units, Func<BlockSyntax, T> withBody,
        BaseParameterListSyntax? parameters = null, SyntaxNode? original = null)
        where T : SyntaxNode
    {
        if (body is not null)
        {
            if (!IsIterator(body))
            {
                return withBody(MeteredBlock(body, units));
            }
            var elementType = ElementType(returnType);
            var iterator = MeteredIterator(body, elementType, units);
            // Left as it is, and refused by the policy if it compiles (UncountedIterator): a struct's instance member,
            // which cannot hand its body to a local function; and what cannot be an iterator (a List<int>, ref
            // parameters), so that the compiler says so of the candidate's own code.
            var countable = elementType is not null && !IsStructInstanceMember(original ?? node) && !HasRefParameters(parameters);
            return withBody(countable ? CountedIterator(iterator, returnType!, parameters) : iterator);
        }
        if (arrow is null)
        {
            return node;
        }
        return withBody(MeteredBlock(Block(Statement(arrow.Expression, isVoid)), units));
    }

    /// <summary>The statement an expression body stands for: <c>=&gt; throw e</c> is <c>throw e;</c>, whatever the member returns.</summary>
    private static StatementSyntax Statement(ExpressionSyntax body, bool isVoid) => body switch
    {
        ThrowExpressionSyntax thrown => ThrowStatement(thrown.Expression),
        _ when isVoid => ExpressionStatement(body),
        _ => Return(body),
    };

    private BaseMethodDeclarationSyntax MeteredMember(BaseMethodDeclarationSyntax original, BaseMethodDeclarationSyntax visited, bool isVoid, TypeSyntax? returnType, int units) =>
        Metered(visited, visited.Body, visited.ExpressionBody, isVoid, returnType, units,
            block => visited.WithBody(block).WithExpressionBody(null).WithSemicolonToken(default), visited.ParameterList, original);

    /// <summary><c>T P =&gt; e;</c> becomes <c>T P { get { enter; try { return e; } finally { leave; } } }</c>.</summary>
    private static AccessorListSyntax MeteredGetter(ArrowExpressionClauseSyntax arrow, int units) =>
        AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, MeteredBlock(Block(Statement(arrow.Expression, isVoid: false)), units))));

    private static bool IsVoid(TypeSyntax returnType) =>
        returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    private LambdaExpressionSyntax MeteredLambda(int position, LambdaExpressionSyntax lambda, int units)
    {
        if (lambda.Block is { } block)
        {
            return IsIterator(block) ? lambda : lambda.WithBlock(MeteredBlock(block, units));
        }
        if (!meterExpressionLambdas || lambda.ExpressionBody is not { } body)
        {
            return lambda;
        }
        StatementSyntax statement;
        if (body is ThrowExpressionSyntax thrown)
        {
            // A block that only throws suits every delegate type, as the expression did.
            statement = ThrowStatement(thrown.Expression);
        }
        else if (!voidLambdas.Contains(position))
        {
            // Most lambdas return their body's value (a Func, a LINQ selector): guess so first.
            statement = Return(body);
        }
        else if (IsStatementExpression(body))
        {
            statement = ExpressionStatement(body);
        }
        else
        {
            return lambda;
        }
        // Marked, so that an error the block causes (an expression tree cannot hold one) is known as the instrumenter's.
        return lambda.WithExpressionBody(null).WithBlock(MeteredBlock(Block(Wrapper(statement)), units)).WithAdditionalAnnotations(MeteredLambdaMark);
    }

    /// <summary>Whether an expression may stand as a statement, as the body of a lambda that returns nothing must.</summary>
    private static bool IsStatementExpression(ExpressionSyntax body) => body is InvocationExpressionSyntax or AssignmentExpressionSyntax
        or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
        or ObjectCreationExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax;
}
