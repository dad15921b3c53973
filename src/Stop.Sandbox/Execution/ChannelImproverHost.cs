using Stop.Guest;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Execution;

/// <summary>
/// The worker's side of an improver's calls: each call becomes a frame to the host, and the improver's
/// thread waits for the reply. The host owns every budget; this side only forwards.
/// </summary>
internal sealed class ChannelImproverHost(Channel channel) : IImproverHost
{
    private TaskCompletionSource<CallReply>? pending;

    /// <summary>Hands the host's reply to the waiting improver.</summary>
    public void Deliver(CallReply reply) =>
        (Interlocked.Exchange(ref pending, null) ?? throw new InvalidDataException("A reply arrived with no call waiting.")).SetResult(reply);

    public IReadOnlyList<string> Prompt(int languageModel, string expertise, IReadOnlyList<string> messages, double temperature) =>
        Call(new PromptCall(languageModel, expertise, messages, temperature)).Completions ?? [];

    public double Score(int utility, string solution) => Call(new ScoreCall(utility, solution)).Score ?? 0;

    private CallReply Call(Message call)
    {
        var waiting = new TaskCompletionSource<CallReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref pending, waiting, null) is not null)
        {
            throw new InvalidOperationException("An improver may make one call at a time.");
        }
        channel.SendAsync(call, CancellationToken.None).GetAwaiter().GetResult();
        var reply = waiting.Task.GetAwaiter().GetResult();
        return reply.Error is null ? reply : throw new InvalidOperationException(reply.Error);
    }
}
