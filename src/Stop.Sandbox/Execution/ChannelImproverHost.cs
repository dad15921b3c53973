using System.Diagnostics;
using Stop.Guest;
using Stop.Sandbox.Workers.Protocol;

namespace Stop.Sandbox.Execution;

/// <summary>
/// The worker's side of an improver's calls: each call becomes a frame to the host, and the improver's thread,
/// which is also the thread that reads the channel, reads the reply. The host owns every budget; this side only
/// forwards.
/// </summary>
[StackTraceHidden]
internal sealed class ChannelImproverHost(Channel channel) : IImproverHost
{
    public IReadOnlyList<string> Prompt(int languageModel, string expertise, IReadOnlyList<string> messages, double temperature) =>
        Call(new PromptCall(languageModel, expertise, messages, temperature)).Completions ?? [];

    public double Score(int utility, string solution) => Call(new ScoreCall(utility, solution)).Score ?? 0;

    private CallReply Call(Message call)
    {
        channel.Send(call);
        // Not an exception: the improver could catch it and go on talking over a channel that is out of step.
        var reply = channel.Receive() switch
        {
            CallReply r => r,
            null => Exit(0, null),
            var other => Exit(Workers.WorkerExitCodes.Broken, $"worker: a {other.GetType().Name} frame arrived while a call was waiting\n"),
        };
        return reply.Error is null ? reply : throw new InvalidOperationException(reply.Error);
    }

    private static CallReply Exit(int code, string? why)
    {
        if (why is not null)
        {
            Console.OpenStandardError().Write(System.Text.Encoding.UTF8.GetBytes(why));
        }
        Environment.Exit(code);
        throw new InvalidOperationException("unreachable");
    }
}
