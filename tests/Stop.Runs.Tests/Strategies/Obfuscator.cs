using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Runs.Tests.Strategies;

/// <summary>Renames every name an improver declares to v0, v1, … and strips its comments: a change that must not change its strategies.</summary>
internal static class Obfuscator
{
    public static string Obfuscate(string source)
    {
        var options = new CSharpParseOptions(kind: SourceCodeKind.Script);
        var root = CSharpSyntaxTree.ParseText(source, options).GetRoot();
        var declared = root.DescendantNodes().Select(Declared).OfType<string>().Distinct().ToList();
        var names = declared.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => "v" + p.i);
        return new Rewriter(names).Visit(root).ToFullString();
    }

    private static string? Declared(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax d => d.Identifier.ValueText,
        ParameterSyntax p => p.Identifier.ValueText,
        ForEachStatementSyntax f => f.Identifier.ValueText,
        SingleVariableDesignationSyntax s => s.Identifier.ValueText,
        LocalFunctionStatementSyntax l => l.Identifier.ValueText,
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        _ => null,
    };

    private sealed class Rewriter(Dictionary<string, string> names) : CSharpSyntaxRewriter(visitIntoStructuredTrivia: false)
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
        {
            token = base.VisitToken(token);
            var isMemberName = token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax member } name && member.Name == name;
            return token.IsKind(SyntaxKind.IdentifierToken) && !isMemberName && names.TryGetValue(token.ValueText, out var renamed)
                ? SyntaxFactory.Identifier(token.LeadingTrivia, renamed, token.TrailingTrivia)
                : token;
        }

        public override SyntaxTrivia VisitTrivia(SyntaxTrivia trivia) =>
            trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                ? SyntaxFactory.Whitespace(" ")
                : base.VisitTrivia(trivia);
    }
}
