using Stop.Models.Positions;

namespace Stop.Models.Exchange;

/// <summary>A request written to an exchange directory that has no response yet.</summary>
/// <param name="Id">The file id, derived from the position.</param>
/// <param name="Position">The request's position.</param>
/// <param name="RequestPath">The request file.</param>
/// <param name="SizeBytes">The request file's size.</param>
public sealed record PendingExchangeRequest(string Id, RequestPosition Position, string RequestPath, long SizeBytes);

/// <summary>
/// The layout of an exchange directory: <c>&lt;id&gt;.request.md</c> written by Stop, <c>&lt;id&gt;.response.md</c>
/// written by whoever answers, where the id is the request's <see cref="RequestPosition.FileId"/>.
/// </summary>
public static class ExchangeFiles
{
    public const string RequestSuffix = ".request.md";
    public const string ResponseSuffix = ".response.md";

    public static string RequestPath(string directory, RequestPosition position) =>
        Path.Combine(directory, position.FileId + RequestSuffix);

    public static string ResponsePath(string directory, RequestPosition position) =>
        Path.Combine(directory, position.FileId + ResponseSuffix);

    /// <summary>Requests without a response, in id order (an empty list when the directory does not exist).</summary>
    public static IReadOnlyList<PendingExchangeRequest> ListPending(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(directory, "*" + RequestSuffix)
            .Select(path => (Path: path, Id: Path.GetFileName(path)[..^RequestSuffix.Length]))
            .Where(f => !File.Exists(Path.Combine(directory, f.Id + ResponseSuffix)))
            .Order()
            .Select(f => new PendingExchangeRequest(f.Id, RequestPosition.FromFileId(f.Id), f.Path, new FileInfo(f.Path).Length))];
    }
}
