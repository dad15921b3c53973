using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stop.Models.Testing;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 with a free port, for tests and <c>stop bench</c>:
/// replies come from a script, latency is configurable, faults are injected by the script, and it counts
/// requests and the most that were in flight at once. It never listens beyond the loopback address.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly CancellationTokenSource shutdown = new();
    private readonly Lock gate = new();
    private readonly List<FakeChatRequest> requests = [];
    private readonly Task loop;
    private int inFlight;
    private int maxInFlight;

    private FakeOpenAIServer(HttpListener listener, int port, Func<FakeChatRequest, CancellationToken, Task<FakeChatReply>> script)
    {
        this.listener = listener;
        Script = script;
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>The base URL to give an OpenAI client, <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Delay before every reply.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Decides every reply; may await (for instance until several requests are in flight).</summary>
    public Func<FakeChatRequest, CancellationToken, Task<FakeChatReply>> Script { get; set; }

    public int RequestCount
    {
        get
        {
            lock (gate)
            {
                return requests.Count;
            }
        }
    }

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>The most requests in flight at once so far.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    /// <summary>The requests received, in arrival order.</summary>
    public IReadOnlyList<FakeChatRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a server answering every request with <c>echo: USER MESSAGE</c>.</summary>
    public static FakeOpenAIServer Start() => Start(request => FakeChatReply.Completion($"echo: {request.User}"));

    public static FakeOpenAIServer Start(Func<FakeChatRequest, FakeChatReply> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return Start((request, _) => Task.FromResult(script(request)));
    }

    public static FakeOpenAIServer Start(Func<FakeChatRequest, CancellationToken, Task<FakeChatReply>> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeOpenAIServer(listener, port, script);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken ct = default)
    {
        while (RequestCount < count)
        {
            await Task.Delay(5, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await shutdown.CancelAsync().ConfigureAwait(false);
        listener.Close();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
        shutdown.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!shutdown.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, now);
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(shutdown.Token).ConfigureAwait(false);
            }
            var path = context.Request.Url?.AbsolutePath ?? "/";
            if (!path.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                await WriteAsync(context.Response, 404, """{"error":{"message":"not found"}}""", null).ConfigureAwait(false);
                return;
            }
            FakeChatRequest request;
            lock (gate)
            {
                request = Parse(requests.Count, path, body, context.Request.Headers["Authorization"]);
                requests.Add(request);
            }
            var reply = await Script(request, shutdown.Token).ConfigureAwait(false);
            var delay = Latency + (reply.Delay ?? TimeSpan.Zero);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, shutdown.Token).ConfigureAwait(false);
            }
            await WriteAsync(context.Response, reply.Status, reply.RawBody ?? Completion(request, reply), reply.RetryAfter).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away or the server is stopping; there is no one left to answer.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body, string? retryAfter)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        if (retryAfter is not null)
        {
            response.Headers["Retry-After"] = retryAfter;
        }
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }

    private static string Completion(FakeChatRequest request, FakeChatReply reply) => new JsonObject
    {
        ["id"] = $"chatcmpl-fake-{request.Sequence}",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = reply.Model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = reply.InputTokens,
            ["completion_tokens"] = reply.OutputTokens,
            ["total_tokens"] = reply.InputTokens + reply.OutputTokens,
        },
    }.ToJsonString();

    private static FakeChatRequest Parse(int sequence, string path, string body, string? authorization)
    {
        string? model = null, system = null, user = null;
        double? temperature = null;
        int? maxTokens = null;
        try
        {
            var json = JsonNode.Parse(body);
            model = json?["model"]?.GetValue<string>();
            temperature = json?["temperature"]?.GetValue<double>();
            maxTokens = (json?["max_completion_tokens"] ?? json?["max_tokens"])?.GetValue<int>();
            foreach (var message in json?["messages"]?.AsArray() ?? [])
            {
                var text = TextOf(message?["content"]);
                switch (message?["role"]?.GetValue<string>())
                {
                    case "system" or "developer":
                        system = text;
                        break;
                    case "user":
                        user = text;
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A body the server cannot read is still counted and answered by the script.
        }
        return new FakeChatRequest(sequence, path, body, authorization, model, system, user, temperature, maxTokens);
    }

    private static string? TextOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => null,
    };

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
