using System.Buffers.Binary;
using System.Text.Json;

namespace Stop.Sandbox.Workers.Protocol;

/// <summary>Length-prefixed JSON frames over a pair of streams (a worker's standard input and output).</summary>
public sealed class Channel(Stream input, Stream output)
{
    /// <summary>The largest frame either side accepts; anything longer means a broken peer.</summary>
    public const int MaxFrameBytes = 64 << 20;

    // Buffered, so a frame's header and body usually arrive in one read rather than a wake-up each.
    private readonly Stream input = new BufferedStream(input, 64 << 10);

    private readonly SemaphoreSlim writeLock = new(1, 1);

    /// <summary>Sends one message.</summary>
    public async Task SendAsync(Message message, CancellationToken cancellationToken)
    {
        var bytes = Frame(message);
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Sends one message from the calling thread, blocking it until the frame is written.</summary>
    public void Send(Message message)
    {
        var bytes = Frame(message);
        writeLock.Wait();
        try
        {
            output.Write(bytes.Span);
            output.Flush();
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Receives one message on the calling thread, blocking it; null when the peer closed the channel.</summary>
    public Message? Receive()
    {
        var header = new byte[4];
        if (!ReadExactlyOrEnd(header))
        {
            return null;
        }
        var body = new byte[LengthOf(header)];
        return ReadExactlyOrEnd(body) ? Parse(body) : null;
    }

    // Header and body leave in one write, so the peer wakes once per frame rather than once per part.
    private static ReadOnlyMemory<byte> Frame(Message message)
    {
        using var frame = new MemoryStream();
        frame.Write(stackalloc byte[4]);
        JsonSerializer.Serialize(frame, message, MessageJson.Default.Message);
        var bytes = frame.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        return bytes;
    }

    private static int LengthOf(byte[] header)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        return length is <= 0 or > MaxFrameBytes ? throw new InvalidDataException($"A frame of {length} bytes is not a message.") : length;
    }

    private static Message Parse(byte[] body) =>
        JsonSerializer.Deserialize(body, MessageJson.Default.Message) ?? throw new InvalidDataException("An empty frame is not a message.");

    private bool ReadExactlyOrEnd(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = input.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    /// <summary>Receives one message, or null when the peer closed the channel.</summary>
    public async Task<Message?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await ReadExactlyOrEndAsync(header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var body = new byte[LengthOf(header)];
        return await ReadExactlyOrEndAsync(body, cancellationToken).ConfigureAwait(false) ? Parse(body) : null;
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await input.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }
}
