using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Stop.Sandbox.Admission.Policy;

/// <summary>
/// Clears a batch of candidates without the semantic walk, which binds every candidate a second time after the emit
/// has bound it once. Clearance needs two things, and anything short of them sends a candidate to the full walk,
/// whose verdict then stands:
/// <list type="bullet">
/// <item>Its text names nothing refused: no identifier spells the name of a refused type that declares constants or
/// enum members (which compile to bare values, leaving no reference to judge), of a type clearance lets the compiler
/// reference, or of a member the table refuses by name; and there are no aliases, <c>using static</c>, attributes,
/// refused keywords, finalizers or function pointers.</item>
/// <item>The compiled assembly references nothing refused: every type and member it references from outside itself
/// is allowed by <see cref="AllowList"/>, apart from what instrumentation and the compiler put there themselves
/// (<see cref="Synthesized"/>). Code cannot call what its assembly does not reference, so this judges what the
/// program can do; the walk judges what its text names.</item>
/// <item>Nothing in it is allowed or refused by what it hashes (<see cref="HashReproducibility"/>): no reference to
/// <c>HashCode</c> or a hash-ordered collection, no <c>Equals</c> of its own, and no <c>GetHashCode</c> in its text
/// (a name the table refuses on <c>object</c>); and no reference to an interface the library hands its own buffers to.</item>
/// </list>
/// What the walk refuses and clearance does not see are names the compiled program keeps no reference to, so none of
/// them runs: code the compiler drops (unreachable code, calls of <c>[Conditional]</c> methods such as
/// <c>Trace.WriteLine</c>), a refused type named only as the type of a null nobody reads, and a refused override
/// called through the allowed member it overrides (<c>CultureInfo.ToString</c> is referenced as <c>object.ToString</c>).
/// </summary>
internal static class QuickClearance
{
    /// <summary>
    /// Refused types and members that instrumentation or the compiler reference for ordinary code, by type, with the
    /// members each may be referenced for. The candidate cannot name any of them: each type's name is refused text.
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> Synthesized = new Dictionary<string, string[]>
    {
        ["Stop.Guest.Runtime.Meter"] = ["Tick", "Enter", "Leave", "Allocated", "Entering", "Constructed", "Counted", "Left", "get_Depth", "Caught", "Iterating"],
        ["Stop.Guest.Runtime.SeededRandom"] = ["Create", "get_Shared"],
        // Every assembly, every lambda or local function, every auto-property.
        ["System.Runtime.CompilerServices.CompilationRelaxationsAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggableAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggableAttribute/DebuggingModes"] = [],
        ["System.Runtime.CompilerServices.CompilerGeneratedAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggerBrowsableAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggerBrowsableState"] = [],
        // Anonymous types' members.
        ["System.Diagnostics.DebuggerHiddenAttribute"] = [".ctor"],
        ["System.Diagnostics.DebuggerDisplayAttribute"] = [".ctor", "set_Type"],
        // Named tuples, params, readonly structs and in parameters, init accessors.
        ["System.Runtime.CompilerServices.TupleElementNamesAttribute"] = [".ctor"],
        ["System.ParamArrayAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.IsReadOnlyAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.NullableAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.NullableContextAttribute"] = [".ctor"],
        ["System.Runtime.CompilerServices.IsExternalInit"] = [],
        // String interpolation, array initializers and ranges, collection expressions, switch expressions.
        ["System.Runtime.CompilerServices.DefaultInterpolatedStringHandler"] = [".ctor", "AppendLiteral", "AppendFormatted", "ToStringAndClear"],
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = ["InitializeArray", "CreateSpan", "GetSubArray"],
        ["System.RuntimeFieldHandle"] = [],
        ["System.Runtime.InteropServices.CollectionsMarshal"] = ["SetCount", "AsSpan"],
        ["System.Runtime.CompilerServices.SwitchExpressionException"] = [".ctor"],
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly Lazy<FrozenSet<string>> RefusedNames = new(ReadRefusedNames);

    /// <summary>
    /// Whether a candidate's text, before instrumentation, names nothing that could be refused. Its identifiers are
    /// compared with the names of refused types, case-sensitively, as C# compares them.
    /// </summary>
    public static bool TextIsPlain(SyntaxNode root) => FirstRefusedText(root) is null;

    private static int TupleWidth(SyntaxNode tuple) => tuple switch
    {
        TupleTypeSyntax type => type.Elements.Count,
        TupleExpressionSyntax expression => expression.Arguments.Count,
        _ => 0,
    };

    /// <summary>The first thing in a candidate's text that keeps it from clearance; null when there is none.</summary>
    public static string? FirstRefusedText(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node is UsingDirectiveSyntax { Alias: not null } or UsingDirectiveSyntax { StaticKeyword.RawKind: (int)SyntaxKind.StaticKeyword }
                or ExternAliasDirectiveSyntax or AttributeListSyntax or DestructorDeclarationSyntax or FunctionPointerTypeSyntax)
            {
                return node.Kind().ToString();
            }
            if (node is ImplicitObjectCreationExpressionSyntax && Instrumenter.BeforeAnyBody(node))
            {
                return "new(…) in a constructor's arguments";
            }
            if (node is TypeParameterListSyntax)
            {
                // A generic of the candidate's own may make values of any size, or new types without end, at run time.
                return "a generic declaration";
            }
            if (node is AnonymousObjectCreationExpressionSyntax)
            {
                // How far the compiler's Equals and ToString of an anonymous type walk depends on its members' types.
                return "an anonymous type";
            }
            if (node is StructDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword }
                || node is TupleTypeSyntax or TupleExpressionSyntax && (node.Parent is TupleElementSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } || TupleWidth(node) > 8))
            {
                // How large a value is (SymbolJudge.MaxValueBytes) depends on the types of its fields.
                return "a struct or a nested tuple";
            }
        }
        var refused = RefusedNames.Value;
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) ? refused.Contains(token.ValueText) : PolicyWalker.RefusedKeyword(token) is not null)
            {
                return token.ValueText;
            }
        }
        return null;
    }

    /// <summary>Whether every type and member the assembly references from elsewhere is allowed to a candidate.</summary>
    public static bool ReferencesAreAllowed(byte[] assembly) => FirstRefusedReference(assembly) is null;

    /// <summary>The first reference of the assembly that clearance does not allow, described; null when there is none.</summary>
    public static string? FirstRefusedReference(byte[] assembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        var metadata = pe.GetMetadataReader();
        // Platform invoke needs a module reference and an import row; neither has a place in a candidate.
        if (metadata.GetTableRowCount(TableIndex.ModuleRef) > 0 || metadata.GetTableRowCount(TableIndex.ImplMap) > 0)
        {
            return "a native import";
        }
        foreach (var handle in metadata.TypeReferences)
        {
            if (!TypeIsAllowed(metadata, handle) || LeftToTheWalk(WithoutArity(FullName(metadata, handle))))
            {
                return FullName(metadata, handle);
            }
        }
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (!MemberIsAllowed(metadata, member))
            {
                return $"{metadata.GetString(member.Name)} of a {member.Parent.Kind}";
            }
        }
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            // A subclass of Random would construct an unseeded one where instrumentation cannot see it.
            if (type.BaseType is { Kind: HandleKind.TypeReference } baseType
                && FullName(metadata, (TypeReferenceHandle)baseType) == "System.Random")
            {
                return "System.Random as a base type";
            }
            if (WritesEquals(metadata, type))
            {
                return $"{metadata.GetString(type.Name)}.Equals";
            }
            var chain = OwnChain(metadata, type).ToList();
            if (chain.Count - 1 > PolicyWalker.MaxInheritance)
            {
                return $"{metadata.GetString(type.Name)}, derived more than {PolicyWalker.MaxInheritance} deep";
            }
            if (chain.Sum(link => link.GetFields().Count(handle => (metadata.GetFieldDefinition(handle).Attributes & FieldAttributes.Static) == 0)) > MostFieldsCleared)
            {
                // The walk weighs them (PolicyWalker.MaxObjectBytes): a field may be a large struct.
                return $"{metadata.GetString(type.Name)}, an object of more than {MostFieldsCleared} fields";
            }
        }
        return null;
    }

    /// <summary>The most instance fields a type may have, its own bases' included, and be cleared without the walk.</summary>
    private const int MostFieldsCleared = 16;

    /// <summary>
    /// A type and the assembly's own types it derives from, one after the other, up to one past
    /// <see cref="PolicyWalker.MaxInheritance"/> (a longer chain is sent to the walk anyway).
    /// </summary>
    private static IEnumerable<TypeDefinition> OwnChain(MetadataReader metadata, TypeDefinition type)
    {
        yield return type;
        for (var depth = 1; depth <= PolicyWalker.MaxInheritance + 1 && type.BaseType is { Kind: HandleKind.TypeDefinition, IsNil: false } baseType; depth++)
        {
            type = metadata.GetTypeDefinition((TypeDefinitionHandle)baseType);
            yield return type;
        }
    }

    /// <summary>
    /// Whether only the walk can judge a use of the type: what the table allows of <c>HashCode</c> or
    /// <c>ImmutableHashSet</c> depends on what they hash (<see cref="HashReproducibility"/>), and an interface the
    /// library hands its own buffers to may be named but not implemented (<see cref="PolicyWalker.HandedLibraryBuffers"/>).
    /// </summary>
    private static bool LeftToTheWalk(string fullName) =>
        fullName == HashReproducibility.HashCodeType || HashReproducibility.HashOrdered.Contains(fullName)
        || PolicyWalker.HandedLibraryBuffers.Contains(fullName);

    /// <summary>
    /// Whether a type has an <c>Equals</c> the candidate wrote (an explicit interface implementation's name ends in
    /// <c>.Equals</c>): the walk decides whether a <c>GetHashCode</c> goes with it. The compiler's own, in records and
    /// anonymous types, always comes with one.
    /// </summary>
    private static bool WritesEquals(MetadataReader metadata, TypeDefinition type)
    {
        if (IsCompilerGenerated(metadata, type.GetCustomAttributes()))
        {
            return false;
        }
        foreach (var handle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(handle);
            var name = metadata.GetString(method.Name);
            if ((name == "Equals" || name.EndsWith(".Equals", StringComparison.Ordinal)) && !IsCompilerGenerated(metadata, method.GetCustomAttributes()))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCompilerGenerated(MetadataReader metadata, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var constructor = metadata.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && FullName(metadata, (TypeReferenceHandle)parent) == "System.Runtime.CompilerServices.CompilerGeneratedAttribute")
            {
                return true;
            }
        }
        return false;
    }

    private static bool TypeIsAllowed(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        if (Synthesized.ContainsKey(FullName(metadata, handle)))
        {
            return true;
        }
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            // A nested type is a member of its container, as the walk judges it.
            var container = (TypeReferenceHandle)reference.ResolutionScope;
            return TypeIsAllowed(metadata, container)
                && (metadata.GetTypeReference(container).ResolutionScope.Kind == HandleKind.TypeReference
                    || RuleOf(metadata, container).Member(metadata.GetString(reference.Name)) is null);
        }
        return RuleOf(metadata, handle).Refused is null;
    }

    private static bool MemberIsAllowed(MetadataReader metadata, MemberReference member)
    {
        var name = metadata.GetString(member.Name);
        TypeReferenceHandle container;
        switch (member.Parent.Kind)
        {
            case HandleKind.TypeDefinition or HandleKind.MethodDefinition:
                return true;
            case HandleKind.TypeReference:
                container = (TypeReferenceHandle)member.Parent;
                break;
            case HandleKind.TypeSpecification when IsArray(metadata, (TypeSpecificationHandle)member.Parent):
                // A multidimensional array's own Get, Set and constructor; its element type is a reference judged above.
                return true;
            case HandleKind.TypeSpecification when GenericDefinition(metadata, (TypeSpecificationHandle)member.Parent) is { } definition:
                if (definition.Kind == HandleKind.TypeDefinition)
                {
                    return true;
                }
                container = (TypeReferenceHandle)definition;
                break;
            default:
                return false;
        }
        var fullName = FullName(metadata, container);
        if (Synthesized.TryGetValue(fullName, out var members))
        {
            return members.Contains(name);
        }
        if (fullName == "System.Random" && (name == "get_Shared" || name == ".ctor" && ParameterCount(metadata, member) == 0))
        {
            // Instrumentation rewrites new Random() and Random.Shared by syntax; one it missed is for the walk to find.
            return false;
        }
        if (!TypeIsAllowed(metadata, container))
        {
            return false;
        }
        // Members of an allowed nested type are allowed: the table lists top-level types only.
        return metadata.GetTypeReference(container).ResolutionScope.Kind == HandleKind.TypeReference
            || RuleOf(metadata, container).Member(PropertyOrEventName(name)) is null;
    }

    // The table names properties and events; metadata references their accessors.
    private static string PropertyOrEventName(string name)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["get_", "set_", "add_", "remove_"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                return name[prefix.Length..];
            }
        }
        return name;
    }

    private static bool IsArray(MetadataReader metadata, TypeSpecificationHandle handle) =>
        metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature).ReadSignatureTypeCode() == SignatureTypeCode.Array;

    /// <summary>The generic type a member's parent instantiates (<c>List&lt;int&gt;</c> → <c>List`1</c>), or null.</summary>
    private static EntityHandle? GenericDefinition(MetadataReader metadata, TypeSpecificationHandle handle)
    {
        var reader = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
        if (reader.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }
        if (reader.ReadSignatureTypeCode() != SignatureTypeCode.TypeHandle)
        {
            return null;
        }
        var definition = reader.ReadTypeHandle();
        return definition.Kind is HandleKind.TypeReference or HandleKind.TypeDefinition ? definition : null;
    }

    private static int ParameterCount(MetadataReader metadata, MemberReference member)
    {
        var reader = metadata.GetBlobReader(member.Signature);
        var header = reader.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            reader.ReadCompressedInteger();
        }
        return header.Kind == SignatureKind.Method ? reader.ReadCompressedInteger() : -1;
    }

    private static TypeRule RuleOf(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        return AllowList.RuleOf(metadata.GetString(reference.Namespace), WithoutArity(metadata.GetString(reference.Name)));
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        var name = metadata.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return $"{FullName(metadata, (TypeReferenceHandle)reference.ResolutionScope)}/{name}";
        }
        var ns = metadata.GetString(reference.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    private static string WithoutArity(string name) => name.IndexOf('`') is var tick and >= 0 ? name[..tick] : name;

    /// <summary>
    /// The names a candidate's text may not contain to be cleared. A refused type's constants and enum members compile
    /// to bare values, with no reference left to judge, so the names of refused types that declare any are here. So are
    /// the types clearance lets the compiler reference (a candidate naming one itself is for the walk), the members the
    /// table refuses by name, and <c>dynamic</c>. Read once from the reference assemblies' metadata.
    /// </summary>
    private static FrozenSet<string> ReadRefusedNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "dynamic" };
        foreach (var type in Synthesized.Keys)
        {
            var name = type[(type.LastIndexOfAny(['.', '/']) + 1)..];
            names.Add(name);
            names.Add(name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name);
        }
        names.UnionWith(AllowList.Types.Values.SelectMany(rule => rule.RefusedMembers));
        foreach (var (metadata, type) in CompilationReferences.PublicTypes())
        {
            if (HoldsValues(metadata, type) && IsRefusedType(metadata, type))
            {
                names.Add(WithoutArity(metadata.GetString(type.Name)));
            }
        }
        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the table refuses a type: a top-level one by its rule, a nested one as a member of its container.</summary>
    private static bool IsRefusedType(MetadataReader metadata, TypeDefinition type)
    {
        var name = WithoutArity(metadata.GetString(type.Name));
        var declaring = type.GetDeclaringType();
        if (declaring.IsNil)
        {
            return AllowList.RuleOf(metadata.GetString(type.Namespace), name).Refused is not null;
        }
        var outer = metadata.GetTypeDefinition(declaring);
        // Deeper nesting is rare enough to count as refused without asking.
        return !outer.GetDeclaringType().IsNil
            || AllowList.RuleOf(metadata.GetString(outer.Namespace), WithoutArity(metadata.GetString(outer.Name))).Member(name) is not null;
    }

    /// <summary>Whether a type declares a constant (an enum's members are constants): a value code can use bare.</summary>
    private static bool HoldsValues(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var field in type.GetFields())
        {
            if ((metadata.GetFieldDefinition(field).Attributes & FieldAttributes.Literal) != 0)
            {
                return true;
            }
        }
        return false;
    }
}
