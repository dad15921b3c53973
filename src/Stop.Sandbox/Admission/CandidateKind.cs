namespace Stop.Sandbox.Admission;

/// <summary>What a candidate is meant to define.</summary>
public enum CandidateKind
{
    /// <summary>A task's <c>Algorithm</c>.</summary>
    Solution,

    /// <summary><c>string ImproveAlgorithm(string initialSolution, Utility utility, LanguageModel languageModel)</c>.</summary>
    Improver,
}
