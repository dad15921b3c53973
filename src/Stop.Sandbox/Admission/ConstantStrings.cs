using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission;

/// <summary>
/// How long the compiler's constant strings can get. The compiler folds <c>a + a</c> of constant strings into one
/// constant, and emitting it builds the whole string in the host: 25 lines of <c>const string b = a + a;</c> ask for
/// a gigabyte. Estimated from syntax alone, before any compilation: a name that any constant declares is taken to be
/// that constant (the longest, if several share it), so the estimate is never below what the compiler builds.
/// </summary>
internal static class ConstantStrings
{
    /// <summary>
    /// The most characters of constant strings a candidate may have, all constants and constant expressions together:
    /// far above real code, far below what the host can hold (and the compiler refuses 16 MB of strings in any case).
    /// </summary>
    public const long MaxCharacters = 4_000_000;

    /// <summary>Whether <paramref name="root"/>'s constant strings may come to more than <see cref="MaxCharacters"/>.</summary>
    public static bool TooLong(SyntaxNode root)
    {
        var constants = new Dictionary<string, List<ExpressionSyntax>>(StringComparer.Ordinal);
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            if (declaration.Parent is LocalDeclarationStatementSyntax { IsConst: true } || declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                foreach (var variable in declaration.Variables)
                {
                    if (variable.Initializer is { } initializer)
                    {
                        (constants.TryGetValue(variable.Identifier.ValueText, out var values) ? values : constants[variable.Identifier.ValueText] = []).Add(initializer.Value);
                    }
                }
            }
        }
        if (constants.Count == 0)
        {
            // Without named constants, no constant string is longer than the text that spells it.
            return false;
        }
        var lengths = new Lengths(constants);
        long total = 0;
        // Every constant the compiler builds is made of literals and named constants: all of them, once each, bound the lot.
        foreach (var token in root.DescendantTokens())
        {
            total += token.Kind() switch
            {
                SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken
                    or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken => token.ValueText.Length,
                SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax => lengths.Of(token.ValueText),
                _ => 0,
            };
            if (total > MaxCharacters)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The longest each named constant can be, worked out without recursion: a chain of constants may be long.</summary>
    private sealed class Lengths(Dictionary<string, List<ExpressionSyntax>> constants)
    {
        private readonly Dictionary<string, long> known = new(StringComparer.Ordinal);

        public long Of(string name)
        {
            if (!constants.ContainsKey(name))
            {
                return 0;
            }
            var pending = new Stack<(string Name, bool Ready)>([(name, false)]);
            var started = new HashSet<string>(StringComparer.Ordinal);
            while (pending.TryPop(out var next))
            {
                if (known.ContainsKey(next.Name))
                {
                    continue;
                }
                if (next.Ready)
                {
                    known[next.Name] = constants[next.Name].Max(Bound);
                    continue;
                }
                started.Add(next.Name);
                pending.Push((next.Name, true));
                foreach (var used in Names(next.Name))
                {
                    // One already started is a constant defined through itself, a compile error: counted as empty.
                    if (!known.ContainsKey(used) && !started.Contains(used))
                    {
                        pending.Push((used, false));
                    }
                }
            }
            return known[name];
        }

        private IEnumerable<string> Names(string name) =>
            constants[name].SelectMany(value => value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                .Select(identifier => identifier.Identifier.ValueText)
                .Where(constants.ContainsKey);

        /// <summary>The sum of a constant expression's literals and the constants it names, which its value never exceeds.</summary>
        private long Bound(ExpressionSyntax value)
        {
            long length = 0;
            foreach (var token in value.DescendantTokens())
            {
                length += token.Kind() switch
                {
                    SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax => known.GetValueOrDefault(token.ValueText),
                    SyntaxKind.NumericLiteralToken or SyntaxKind.CharacterLiteralToken => 0,
                    _ => token.ValueText.Length,
                };
                length = Math.Min(length, long.MaxValue / 4);
            }
            return length;
        }
    }
}
