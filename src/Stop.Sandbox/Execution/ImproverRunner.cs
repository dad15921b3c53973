using System.Diagnostics;
using Stop.Guest;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Execution;

/// <summary>Runs one improver inside a worker: <c>ImproveAlgorithm(initialSolution, utility, languageModel)</c>.</summary>
[StackTraceHidden]
internal static class ImproverRunner
{
    public static ImproverOutcome Run(RunImprover job, ChannelImproverHost host, BoundedWriter console)
    {
        console.Reset(job.Limits.MaxOutputChars);
        using var candidate = LoadedCandidate.Load(job.Candidate);
        var input = job.Input;
        var utility = new Utility(input.UtilityHandle, input.UtilitySource, input.UtilityBudget);
        var languageModel = new LanguageModel(input.LanguageModelHandle, input.LanguageModelBudget, input.MaxResponsesPerCall);
        ImproverHost.Install(host);
        try
        {
            var init = MeteredCall.Run([StackTraceHidden] () => { candidate.Initialize(); return null; }, job.Limits.Fuel, job.Limits.MaxDepth, input.Seed);
            if (init.Verdict != Verdict.Ok)
            {
                return new ImproverOutcome(init.Verdict.ToWord(), $"top-level code: {init.Reason}", null, init.Fuel, console.Take());
            }
            var call = MeteredCall.Run(
                [StackTraceHidden] () => candidate.Invoke([input.InitialSolution, utility, languageModel]), job.Limits.Fuel, job.Limits.MaxDepth, input.Seed);
            var fuel = init.Fuel + call.Fuel;
            if (call.Verdict != Verdict.Ok)
            {
                return new ImproverOutcome(call.Verdict.ToWord(), call.Reason ?? "", null, fuel, console.Take());
            }
            // A null result is no failure: STOP's meta-utility counts it as a run that improved nothing.
            return call.Value is null or string
                ? new ImproverOutcome("ok", "ok", (string?)call.Value, fuel, console.Take())
                : new ImproverOutcome(Verdict.InvalidOutput.ToWord(), $"ImproveAlgorithm returned a {call.Value.GetType().Name}, not a string", null, fuel, console.Take());
        }
        finally
        {
            ImproverHost.Install(null);
        }
    }
}
