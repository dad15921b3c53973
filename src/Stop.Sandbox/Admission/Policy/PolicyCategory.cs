namespace Stop.Sandbox.Admission.Policy;

/// <summary>Why the candidate policy refused something: the capability it would have reached.</summary>
public enum PolicyCategory
{
    /// <summary>Not on the allow-list: the policy refuses whatever it does not know to be safe.</summary>
    Other,
    Files,
    Network,
    Process,
    Environment,
    Reflection,
    Expressions,
    Dynamic,
    Unsafe,
    Interop,
    Threading,
    GarbageCollector,
    AppDomain,
    ConsoleInput,
    Clock,
    Randomness,

    /// <summary>Work the runtime does on the candidate's behalf that fuel metering cannot count (e.g. regex backtracking).</summary>
    Unmetered,

    /// <summary>Reaching past the improver API to the host bridge, or minting language models and utilities.</summary>
    BudgetTampering,

    /// <summary>Touching the metering runtime that instrumentation injects.</summary>
    Instrumentation,

    /// <summary>A hash code, or an order decided by hash codes, that is not the same in every worker (see <c>HashReproducibility</c>).</summary>
    UnreproducibleHash,

    /// <summary>A value that depends on the machine's processor: the width of <c>Vector&lt;T&gt;</c>, a hardware estimate.</summary>
    MachineDependent,
}
