using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies;

/// <summary>Collects the <see cref="Assignment"/>s and declarations of an improver's syntax tree.</summary>
internal static class AssignmentFinder
{
    private static readonly HashSet<string> Mutators = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd"];

    public static IReadOnlyList<Assignment> Find(SyntaxNode root)
    {
        var found = new List<Assignment>();
        var functions = Functions(root).ToDictionary(f => f.Name, f => f);
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                    found.Add(new(declarator.Identifier.ValueText, initializer.Value, declarator, FlowKind.Direct));
                    break;
                case AssignmentExpressionSyntax assignment:
                    foreach (var target in Targets(assignment.Left))
                    {
                        found.Add(new(target, assignment.Right, assignment, FlowKind.Direct));
                    }
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix:
                    found.AddRange(Targets(postfix.Operand).Select(t => new Assignment(t, null, postfix, FlowKind.Direct)));
                    break;
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix:
                    found.AddRange(Targets(prefix.Operand).Select(t => new Assignment(t, null, prefix, FlowKind.Direct)));
                    break;
                case ForEachStatementSyntax forEach:
                    found.Add(new(forEach.Identifier.ValueText, forEach.Expression, forEach, FlowKind.Iteration));
                    break;
                case ForEachVariableStatementSyntax forEachVariable:
                    found.AddRange(Targets(forEachVariable.Variable).Select(t => new Assignment(t, forEachVariable.Expression, forEachVariable, FlowKind.Iteration)));
                    break;
                case InvocationExpressionSyntax invocation:
                    found.AddRange(FromInvocation(invocation, functions));
                    break;
            }
        }
        foreach (var function in functions.Values)
        {
            found.AddRange(function.Results.Select(r => new Assignment(function.Name, r, function.Node, FlowKind.Direct)));
        }
        return found;
    }

    /// <summary>Every name the improver declares, with the node that declares it.</summary>
    public static IEnumerable<(string Name, SyntaxNode Node)> Declarations(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    yield return (declarator.Identifier.ValueText, declarator);
                    break;
                case ParameterSyntax parameter:
                    yield return (parameter.Identifier.ValueText, parameter);
                    break;
                case ForEachStatementSyntax forEach:
                    yield return (forEach.Identifier.ValueText, forEach);
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return (designation.Identifier.ValueText, designation.Parent is ParenthesizedVariableDesignationSyntax
                        ? designation.Ancestors().First(a => a is StatementSyntax)
                        : designation);
                    break;
                case LocalFunctionStatementSyntax function:
                    yield return (function.Identifier.ValueText, function);
                    break;
                case MethodDeclarationSyntax method:
                    yield return (method.Identifier.ValueText, method);
                    break;
            }
        }
    }

    /// <summary>Named functions (methods, local functions, lambdas stored in a variable) and what they return.</summary>
    public static IEnumerable<Function> Functions(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LocalFunctionStatementSyntax local:
                    yield return new Function(local.Identifier.ValueText, local, local.ParameterList.Parameters, Results(local, local.Body, local.ExpressionBody?.Expression));
                    break;
                case MethodDeclarationSyntax method:
                    yield return new Function(method.Identifier.ValueText, method, method.ParameterList.Parameters, Results(method, method.Body, method.ExpressionBody?.Expression));
                    break;
                case VariableDeclaratorSyntax { Initializer.Value: ParenthesizedLambdaExpressionSyntax lambda } declarator:
                    yield return new Function(declarator.Identifier.ValueText, lambda, lambda.ParameterList.Parameters, []);
                    break;
                case VariableDeclaratorSyntax { Initializer.Value: SimpleLambdaExpressionSyntax lambda } declarator:
                    yield return new Function(declarator.Identifier.ValueText, lambda, [lambda.Parameter], []);
                    break;
            }
        }
    }

    private static IReadOnlyList<SyntaxNode> Results(SyntaxNode function, BlockSyntax? body, ExpressionSyntax? expressionBody)
    {
        if (expressionBody is not null)
        {
            return [expressionBody];
        }
        if (body is null)
        {
            return [];
        }
        return body.DescendantNodes()
            .OfType<ReturnStatementSyntax>()
            .Where(r => r.Expression is not null && r.Ancestors().First(IsFunction) == function)
            .Select(r => (SyntaxNode)r.Expression!)
            .ToList();
    }

    private static bool IsFunction(SyntaxNode node) =>
        node is LocalFunctionStatementSyntax or MethodDeclarationSyntax or AnonymousFunctionExpressionSyntax;

    private static IEnumerable<Assignment> FromInvocation(InvocationExpressionSyntax invocation, Dictionary<string, Function> functions)
    {
        var name = ImproverSyntax.CalledName(invocation);
        var receiver = ImproverSyntax.Receiver(invocation);
        if (receiver is IdentifierNameSyntax collection && name is not null && Mutators.Contains(name))
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                yield return new(collection.Identifier.ValueText, argument.Expression, invocation, FlowKind.Direct);
            }
        }
        if (receiver is not null)
        {
            // xs.Select(x => ...): x takes each element of xs in turn.
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                var parameters = argument.Expression switch
                {
                    SimpleLambdaExpressionSyntax simple => [simple.Parameter],
                    ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.ToList(),
                    _ => new List<ParameterSyntax>(),
                };
                foreach (var parameter in parameters)
                {
                    yield return new(parameter.Identifier.ValueText, receiver, argument.Expression, FlowKind.Iteration);
                }
            }
        }
        if (invocation.Expression is IdentifierNameSyntax callee && functions.TryGetValue(callee.Identifier.ValueText, out var function))
        {
            foreach (var (parameter, argument) in Bind(function.Parameters, invocation.ArgumentList.Arguments))
            {
                yield return new(parameter, argument, invocation, FlowKind.Direct);
            }
        }
    }

    /// <summary>Pairs a call's arguments with the parameter names they bind, by name when named, else by position.</summary>
    public static IEnumerable<(string Parameter, ExpressionSyntax Argument)> Bind(IReadOnlyList<ParameterSyntax> parameters, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = arguments[i].NameColon?.Name.Identifier.ValueText
                ?? (i < parameters.Count ? parameters[i].Identifier.ValueText : null);
            if (parameter is not null)
            {
                yield return (parameter, arguments[i].Expression);
            }
        }
    }

    private static IEnumerable<string> Targets(SyntaxNode left) => left switch
    {
        IdentifierNameSyntax id => [id.Identifier.ValueText],
        ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax id } => [id.Identifier.ValueText],
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax id } => [id.Identifier.ValueText],
        TupleExpressionSyntax tuple => tuple.Arguments.SelectMany(a => Targets(a.Expression)),
        DeclarationExpressionSyntax declaration => declaration.Designation.DescendantNodesAndSelf()
            .OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText),
        _ => [],
    };

    /// <summary>A function the improver names, and the expressions whose values it returns.</summary>
    internal sealed record Function(string Name, SyntaxNode Node, IReadOnlyList<ParameterSyntax> Parameters, IReadOnlyList<SyntaxNode> Results);
}
