using System.Diagnostics;
using System.Text;

namespace Stop.Sandbox.Execution;

/// <summary>
/// Where a candidate's console output goes inside a worker: kept, up to a limit, with the candidate's
/// events, and never on the worker's channel.
/// </summary>
[StackTraceHidden]
internal sealed class BoundedWriter : TextWriter
{
    private readonly StringBuilder text = new();
    private int limit = 16 * 1024;
    private bool truncated;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Starts a new capture of at most <paramref name="maxChars"/> characters.</summary>
    public void Reset(int maxChars)
    {
        lock (text)
        {
            text.Clear();
            limit = maxChars;
            truncated = false;
        }
    }

    /// <summary>What was written since <see cref="Reset"/>, marked when cut.</summary>
    public string Take()
    {
        lock (text)
        {
            var result = truncated ? text + $"\n[console output cut at {limit} characters]" : text.ToString();
            text.Clear();
            truncated = false;
            return result;
        }
    }

    public override void Write(char value)
    {
        lock (text)
        {
            if (text.Length < limit)
            {
                text.Append(value);
            }
            else
            {
                truncated = true;
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }
        lock (text)
        {
            var room = limit - text.Length;
            if (value.Length > room)
            {
                truncated = true;
            }
            text.Append(value, 0, Math.Max(0, Math.Min(room, value.Length)));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
}
