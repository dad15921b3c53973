using System.Text;
using System.Text.Json;

namespace Stop.Models.Cassette;

/// <summary>
/// Appends <see cref="CassetteEntry"/> lines to a cassette file, flushed to disk per entry so that a crash
/// never loses a response that was paid for. Safe for concurrent use.
/// </summary>
public sealed class CassetteWriter : IAsyncDisposable, IDisposable
{
    private readonly FileStream stream;
    private readonly SemaphoreSlim gate = new(1, 1);

    private CassetteWriter(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    /// <summary>The cassette file.</summary>
    public string Path { get; }

    /// <summary>Opens (or creates) a cassette for appending; a partial last line left by a crash is closed off first.</summary>
    public static CassetteWriter Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            stream.Seek(0, SeekOrigin.End);
            if (last != '\n')
            {
                stream.WriteByte((byte)'\n');
            }
        }
        return new CassetteWriter(path, stream);
    }

    /// <summary>Appends one entry and flushes it to disk; once begun, the write is not abandoned for <paramref name="ct"/>.</summary>
    public async Task AppendAsync(CassetteEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, CassetteFile.Json) + "\n");
        // A response already paid for is written even if the run is being cancelled.
        _ = ct;
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        gate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
