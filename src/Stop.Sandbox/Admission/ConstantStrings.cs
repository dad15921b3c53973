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
    public static bool TooLong(SyntaxNode root) => MoreThan(root, MaxCharacters);

    /// <summary>
    /// Whether <paramref name="root"/>'s string literals and constant strings may come to more than
    /// <paramref name="limit"/> characters.
    /// </summary>
    public static bool MoreThan(SyntaxNode root, long limit)
    {
        var constants = new Dictionary<string, List<ExpressionSyntax>>(StringComparer.Ordinal);
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            if ((declaration.Parent is LocalDeclarationStatementSyntax { IsConst: true } || declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                && declaration.Type is not PredefinedTypeSyntax { Keyword.RawKind: not (int)SyntaxKind.StringKeyword and not (int)SyntaxKind.ObjectKeyword })
            {
                // A number is no string (nor part of one: only strings concatenate into a constant), and numbers of one
                // name in two methods, defined through each other, must not look like a cycle.
                foreach (var variable in declaration.Variables)
                {
                    if (variable.Initializer is { } initializer)
                    {
                        // Keyed by the type that declares it too, so that C1.a = C0.a + C0.a is no constant defined through itself.
                        foreach (var key in new[] { variable.Identifier.ValueText, Qualified(declaration, variable.Identifier.ValueText) })
                        {
                            (constants.TryGetValue(key, out var values) ? values : constants[key] = []).Add(initializer.Value);
                        }
                    }
                }
            }
        }
        if (constants.Count == 0 && root.FullSpan.Length <= limit)
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
                SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax name => lengths.Of(Key(name, constants)),
                _ => 0,
            };
            if (total > limit)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A constant's name qualified by the type that declares it (<c>C0.a</c>).</summary>
    private static string Qualified(SyntaxNode at, string name) =>
        at.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } type ? $"{type.Identifier.ValueText}.{name}" : name;

    /// <summary>
    /// Which constant a name stands for: <c>C0.a</c> for a member access on a type, the constant of the type the name
    /// is used in when it declares one, or else the longest of every constant of that name.
    /// </summary>
    private static string Key(IdentifierNameSyntax name, Dictionary<string, List<ExpressionSyntax>> constants)
    {
        var text = name.Identifier.ValueText;
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            && access.Expression is SimpleNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax)
        {
            var owner = access.Expression switch
            {
                MemberAccessExpressionSyntax inner => inner.Name.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => "",
            };
            return constants.ContainsKey($"{owner}.{text}") ? $"{owner}.{text}" : text;
        }
        var own = Qualified(name, text);
        return constants.ContainsKey(own) ? own : text;
    }

    /// <summary>The longest each named constant can be, worked out without recursion: a chain of constants may be long.</summary>
    private sealed class Lengths(Dictionary<string, List<ExpressionSyntax>> constants)
    {
        private readonly Dictionary<string, long> known = new(StringComparer.Ordinal);

        /// <summary>A length past any limit, that sums with others without overflowing.</summary>
        private const long Unbounded = long.MaxValue / 1024;

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
                    if (started.Contains(used) && !known.ContainsKey(used))
                    {
                        // Defined through itself, by the name: a compile error, or constants of one name in nested
                        // types doubling each other (x = y + y; y = x + x; …), which this estimate cannot tell apart.
                        return Unbounded;
                    }
                    if (!known.ContainsKey(used))
                    {
                        pending.Push((used, false));
                    }
                }
            }
            return known[name];
        }

        private IEnumerable<string> Names(string name) =>
            constants[name].SelectMany(value => value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                .Select(identifier => Key(identifier, constants))
                .Where(constants.ContainsKey);

        /// <summary>The sum of a constant expression's literals and the constants it names, which its value never exceeds.</summary>
        private long Bound(ExpressionSyntax value)
        {
            long length = 0;
            foreach (var token in value.DescendantTokens())
            {
                length += token.Kind() switch
                {
                    SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax name => known.GetValueOrDefault(Key(name, constants)),
                    SyntaxKind.NumericLiteralToken or SyntaxKind.CharacterLiteralToken => 0,
                    _ => token.ValueText.Length,
                };
                length = Math.Min(length, long.MaxValue / 4);
            }
            return length;
        }
    }
}
