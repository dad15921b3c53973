namespace Stop.Models.Testing;

/// <summary>What the <see cref="FakeOpenAIServer"/> answers to one request.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Content">The completion text of a 200 reply.</param>
/// <param name="Model">The model id the reply reports.</param>
/// <param name="InputTokens">prompt_tokens reported.</param>
/// <param name="OutputTokens">completion_tokens reported.</param>
/// <param name="Delay">Extra delay before answering, on top of the server's latency.</param>
/// <param name="RetryAfter">A Retry-After header value.</param>
/// <param name="RawBody">A body sent as is instead of a chat completion.</param>
public sealed record FakeChatReply(
    int Status = 200,
    string? Content = "ok",
    string Model = "fake-model",
    int InputTokens = 10,
    int OutputTokens = 20,
    TimeSpan? Delay = null,
    string? RetryAfter = null,
    string? RawBody = null)
{
    public static FakeChatReply Completion(string content, string model = "fake-model") => new(Content: content, Model: model);

    public static FakeChatReply Error(int status, string? retryAfter = null) =>
        new(status, RawBody: "{\"error\":{\"message\":\"fake error " + status + "\",\"type\":\"fake\",\"code\":null}}", RetryAfter: retryAfter);

    public static FakeChatReply Malformed(string body) => new(RawBody: body);

    public static FakeChatReply Hang(TimeSpan delay) => new(Delay: delay);
}
