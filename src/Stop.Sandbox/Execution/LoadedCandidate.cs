using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Execution;

/// <summary>
/// A candidate's assembly loaded into its own collectible context for one job, so that no static state of
/// one job reaches the next: the same candidate on the same instance gets the same outcome in any worker.
/// </summary>
[StackTraceHidden]
internal sealed class LoadedCandidate : IDisposable
{
    private readonly AssemblyLoadContext context;
    private readonly CandidateImage image;
    private readonly MethodInfo method;
    private object? target;
    private Func<object?[], object?>? call;

    private LoadedCandidate(AssemblyLoadContext context, CandidateImage image, MethodInfo method)
    {
        this.context = context;
        this.image = image;
        this.method = method;
    }

    /// <summary>The declared return type of the candidate's method.</summary>
    public Type ReturnType => method.ReturnType;

    public static LoadedCandidate Load(CandidateImage image)
    {
        var context = new AssemblyLoadContext($"candidate-{image.Hash[..16]}", isCollectible: true);
        using var bytes = new MemoryStream(image.Assembly, writable: false);
        var assembly = context.LoadFromStream(bytes);
        var type = assembly.GetType(image.TypeName, throwOnError: true)!;
        var flags = BindingFlags.Public | BindingFlags.NonPublic | (image.IsStatic ? BindingFlags.Static : BindingFlags.Instance);
        // An overload of the same name may come first (Algorithm(a, b, c, k) beside Algorithm(a, b, c)).
        var method = type.GetMethods(flags).First(m => m.Name == image.MethodName && !m.IsGenericMethodDefinition
            && Admission.CandidateCompiler.ParameterTypes(m.GetParameters().Select(parameter => parameter.ParameterType)) == image.ParameterTypes);
        return new LoadedCandidate(context, image, method);
    }

    /// <summary>
    /// Runs the script's top-level code, as Python's exec of a solution would; top-level methods then
    /// belong to the script object it creates. Runs metered, like any candidate code. A script without top-level
    /// code gets its object from the constructor alone: the asynchronous initializer would do nothing but cost time.
    /// </summary>
    public void Initialize()
    {
        const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        if (image.HasTopLevelCode)
        {
            var script = method.DeclaringType!.Assembly.GetType(Admission.CandidateCompiler.ScriptClassName, throwOnError: true)!;
            var factory = script.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException("The candidate's script has no factory.");
            var submissions = new object?[2];
            IdentityHashes.Reset();
            var run = (Task)factory.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [submissions], null)!;
            run.GetAwaiter().GetResult();
            target = method.IsStatic ? null : submissions[1];
        }
        else if (!method.IsStatic)
        {
            // A script's submission constructor takes the submission array; a batch's wrapper class takes nothing.
            var type = method.DeclaringType!;
            IdentityHashes.Reset();
            target = type.GetConstructor(Instance, [typeof(object[])]) is { } submission
                ? submission.Invoke(BindingFlags.DoNotWrapExceptions, null, [new object?[2]], null)
                : (type.GetConstructor(Instance, Type.EmptyTypes) ?? throw new InvalidOperationException("The candidate's class has no constructor."))
                    .Invoke(BindingFlags.DoNotWrapExceptions, null, [], null);
        }
    }

    /// <summary>Calls the candidate's method; exceptions it raises surface unwrapped.</summary>
    public object? Invoke(object?[] arguments)
    {
        call ??= TypedCall.For(method, target) ?? (values => method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, values, null));
        // Last, after the worker's own work for this call, which may draw identity hash codes of its own.
        IdentityHashes.Reset();
        try
        {
            return call(arguments);
        }
        catch (TargetParameterCountException exception)
        {
            throw new InvalidOperationException("The candidate's method does not take the task's arguments.", exception);
        }
    }

    public void Dispose() => context.Unload();
}
