using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stop.Sandbox.Workers.Protocol;

/// <summary>The channel's JSON, generated at build time: no reflection per frame, and nothing to warm up in a new worker.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Message))]
internal sealed partial class MessageJson : JsonSerializerContext;
