using Stop.Sandbox.Admission;
using Stop.Sandbox.Admission.Policy;

namespace Stop.Sandbox.Tests.Policy;

/// <summary>The table against the framework it is applied to, member by member.</summary>
public sealed class AllowListTests
{
    [Fact]
    public void NoMemberThatSaysItSkipsChecks_IsAllowed_OnAnyTypeACandidateMayName()
    {
        var allowed = new List<string>();
        var seen = 0;
        foreach (var (metadata, type) in CompilationReferences.PublicTypes())
        {
            var name = metadata.GetString(type.Name);
            var rule = AllowList.RuleOf(metadata.GetString(type.Namespace), name.Split('`')[0]);
            if (!type.GetDeclaringType().IsNil || rule.Refused is not null)
            {
                continue;
            }
            foreach (var member in type.GetMethods().Select(m => metadata.GetString(metadata.GetMethodDefinition(m).Name)).Distinct())
            {
                if (member.Contains("Unsafe", StringComparison.Ordinal))
                {
                    seen++;
                    if (rule.Member(member) is null)
                    {
                        allowed.Add($"{metadata.GetString(type.Namespace)}.{name}.{member}");
                    }
                }
            }
        }

        Assert.True(seen > 0, "the framework has no member named *Unsafe* on a nameable type: the test looks at nothing");
        Assert.Empty(allowed);
    }
}
