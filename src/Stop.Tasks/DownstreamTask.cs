using Stop.Tasks.Generation;

namespace Stop.Tasks;

/// <summary>
/// A STOP downstream task: a seeded instance generator, a hidden scorer and the texts shown to a model.
/// Instance generation is deterministic: the same split and index give the same instance on any machine.
/// </summary>
public abstract class DownstreamTask
{
    /// <summary>The task's folder name under <c>tasks/</c>, e.g. <c>parity_noise</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The C# signature a solution must define, e.g. <c>int[] Algorithm(int[][] formula)</c>.</summary>
    public abstract string Signature { get; }

    /// <summary>The parameter types of <c>Algorithm</c>, in order.</summary>
    public abstract IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The return type of <c>Algorithm</c>.</summary>
    public abstract Type ReturnType { get; }

    /// <summary>How many instances the split has (STOP's n_tests).</summary>
    public abstract int InstanceCount(Split split);

    /// <summary>
    /// Generates instance <paramref name="index"/> of <paramref name="split"/> from its own seeded generator, with
    /// argument arrays of its own: a candidate that mutates its inputs never reaches what the scorer keeps.
    /// </summary>
    public TaskInstance CreateInstance(Split split, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, InstanceCount(split));
        var rng = StopSeeds.Generator(split, index);
        var (arguments, hidden) = Generate(rng);
        return new TaskInstance(split, index, arguments, rng.NextRandomSeed(), hidden).WithFreshArguments();
    }

    /// <summary>One instance's arguments for <c>Algorithm</c> (they are copied) and what the scorer keeps of it.</summary>
    protected abstract (object?[] Arguments, object Hidden) Generate(SplitMix64 rng);

    /// <summary>Scores one output in [0, 1], higher better; a malformed output (wrong length, type or alphabet) scores 0.</summary>
    public abstract double ScoreInstance(TaskInstance instance, object? output);

    /// <summary>
    /// Says why an output of the right type is still malformed for this instance (wrong length, alphabet,
    /// not a permutation…), or null when it is well formed. A malformed output scores 0 and is recorded as
    /// an invalid-output verdict.
    /// </summary>
    public virtual string? DescribeMalformed(TaskInstance instance, object? output) => output switch
    {
        null => "the output is null",
        _ when !ReturnType.IsInstanceOfType(output) => $"the output is a {output.GetType().Name}, not a {ReturnType.Name}",
        _ => null,
    };

    /// <summary>
    /// The candidate's score from the mean of its instance scores. Some STOP scorers floor it at their eps
    /// (<c>max(mean, eps)</c>); those override this.
    /// </summary>
    public virtual double FinalScore(double meanInstanceScore) => meanInstanceScore;

    /// <summary>The fuel one call of <c>Algorithm</c> may burn on one instance (STOP's per-instance time limit, counted).</summary>
    public abstract long FuelPerInstance { get; }

    /// <summary>
    /// What a candidate that raises, times out or crashes scores (STOP's <c>eps</c>); a candidate that
    /// does not compile scores 0.
    /// </summary>
    public virtual double FailureFloor => 1e-6;

    /// <summary>
    /// Whether an improver's utility for this task scores 0 past its budget (<c>if uses &gt;= utility.budget: return 0</c>):
    /// STOP's parity scorers do; its other scorers have the check commented out, and their uses are unlimited (the
    /// improver still sees the budget, as <c>utility.budget</c>).
    /// </summary>
    public virtual bool LimitsUtilityUses => false;

    /// <summary>What an instance on which the solution throws does to the candidate, as STOP's scorer for the task has it.</summary>
    public virtual FailedInstance OnException => FailedInstance.EndsCandidate;

    /// <summary>
    /// What an instance on which the solution runs out of fuel or depth (STOP's per-instance time limit) does to the
    /// candidate, as STOP's scorer for the task has it. Running out of memory or crashing the worker always ends it.
    /// </summary>
    public virtual FailedInstance OnTimeout => FailedInstance.EndsCandidate;

    /// <summary>The seed solution (<c>tasks/NAME/seed.csx</c>).</summary>
    public string SeedSolution => TaskFiles.Read(Name, "seed.csx");

    /// <summary>The utility text shown to the language model (<c>tasks/NAME/utility.csx</c>).</summary>
    public string VisibleUtility => TaskFiles.Read(Name, "utility.csx");
}
