using System.Buffers.Binary;
using System.Text.Json;

namespace Stop.Sandbox.Workers.Protocol;

/// <summary>Length-prefixed JSON frames over a pair of streams (a worker's standard input and output).</summary>
public sealed class Channel(Stream input, Stream output)
{
    // Buffered, so a frame's header and body usually arrive in one read rather than a wake-up each.
    private readonly Stream input = new BufferedStream(input, 64 << 10);
    /// <summary>The largest frame either side accepts; anything longer means a broken peer.</summary>
    public const int MaxFrameBytes = 64 << 20;

    private readonly SemaphoreSlim writeLock = new(1, 1);

    /// <summary>Sends one message.</summary>
    public async Task SendAsync(Message message, CancellationToken cancellationToken)
    {
        // Header and body leave in one write, so the peer wakes once per frame rather than once per part.
        using var frame = new MemoryStream();
        frame.Write(stackalloc byte[4]);
        JsonSerializer.Serialize(frame, message, MessageJson.Default.Message);
        var bytes = frame.GetBuffer().AsMemory(0, (int)frame.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.Span, bytes.Length - 4);
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

    /// <summary>Receives one message, or null when the peer closed the channel.</summary>
    public async Task<Message?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var header = new byte[4];
        if (!await ReadExactlyOrEndAsync(header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is <= 0 or > MaxFrameBytes)
        {
            throw new InvalidDataException($"A frame of {length} bytes is not a message.");
        }
        var body = new byte[length];
        if (!await ReadExactlyOrEndAsync(body, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return JsonSerializer.Deserialize(body, MessageJson.Default.Message) ?? throw new InvalidDataException("An empty frame is not a message.");
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
