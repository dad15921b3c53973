using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Strategies;

/// <summary>
/// Finds where an improver asks the model: direct <c>Prompt</c>/<c>BatchPrompt</c> calls, and calls of the
/// improver's own functions that wrap them (then the wrapper's call sites are the model calls, not its body).
/// </summary>
internal static class ModelCallFinder
{
    public static IReadOnlyList<ModelCall> Find(ImproverSyntax improver)
    {
        var root = improver.Root;
        var direct = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(Direct).OfType<ModelCall>().ToList();
        var functions = AssignmentFinder.Functions(root).ToList();
        var invoked = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is IdentifierNameSyntax)
            .ToLookup(i => ((IdentifierNameSyntax)i.Expression).Identifier.ValueText);

        var calls = direct;
        var wrappers = new HashSet<string>();
        // A wrapper may call another wrapper; settle the set before mapping arguments.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (wrappers.Contains(function.Name) || !invoked.Contains(function.Name))
                {
                    continue;
                }
                var inner = calls.FirstOrDefault(c => function.Node.Span.Contains(c.Site.Span));
                if (inner is null)
                {
                    continue;
                }
                wrappers.Add(function.Name);
                calls = [.. calls, .. invoked[function.Name].Select(site => Wrapped(site, function, inner))];
                changed = true;
            }
        }
        var bodies = functions.Where(f => wrappers.Contains(f.Name)).Select(f => f.Node).ToList();
        return calls
            .Where(c => !bodies.Any(b => b.Span.Contains(c.Site.Span)))
            .OrderBy(c => c.Site.SpanStart)
            .ToList();
    }

    private static ModelCall? Direct(InvocationExpressionSyntax invocation)
    {
        var name = (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
        var isBatch = name == "BatchPrompt";
        if (name != "Prompt" && !isBatch)
        {
            return null;
        }
        string[] positions = isBatch ? ["expertise", "messages", "temperature"] : ["expertise", "message", "nResponses", "temperature"];
        var arguments = new Dictionary<string, ExpressionSyntax>();
        var list = invocation.ArgumentList.Arguments;
        for (var i = 0; i < list.Count; i++)
        {
            var key = list[i].NameColon?.Name.Identifier.ValueText ?? (i < positions.Length ? positions[i] : null);
            if (key is not null)
            {
                arguments[key] = list[i].Expression;
            }
        }
        var prompt = new[] { "expertise", "message", "messages" }
            .Where(arguments.ContainsKey).Select(k => arguments[k]).ToList();
        return new ModelCall(invocation, isBatch, prompt, arguments.GetValueOrDefault("nResponses"), arguments.GetValueOrDefault("temperature"));
    }

    private static ModelCall Wrapped(InvocationExpressionSyntax site, AssignmentFinder.Function function, ModelCall inner)
    {
        var bound = AssignmentFinder.Bind(function.Parameters, site.ArgumentList.Arguments).ToList();
        // Which of the wrapper's parameters reach which argument of the wrapped call, by name within the body.
        List<ExpressionSyntax> Through(ExpressionSyntax? innerArgument)
        {
            if (innerArgument is null)
            {
                return [];
            }
            var read = Identifiers(innerArgument);
            // Follow locals of the body that build the argument, such as a message assembled from a parameter.
            var locals = function.Node.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(d => d.Initializer is not null).ToList();
            for (var grew = true; grew;)
            {
                var before = read.Count;
                foreach (var local in locals.Where(l => read.Contains(l.Identifier.ValueText)))
                {
                    read.UnionWith(Identifiers(local.Initializer!.Value));
                }
                grew = read.Count > before;
            }
            return bound.Where(b => read.Contains(b.Parameter)).Select(b => b.Argument).ToList();
        }
        var prompt = inner.Prompt.SelectMany(Through).ToList();
        var temperature = Through(inner.Temperature);
        var responses = Through(inner.Responses);
        return new ModelCall(
            site,
            inner.IsBatch,
            prompt,
            responses.Count > 0 ? responses[0] : inner.Responses,
            temperature.Count > 0 ? temperature[0] : inner.Temperature);
    }

    private static HashSet<string> Identifiers(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToHashSet();
}
