using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsLab.Protocol.OriginTimings;

/// <summary>Source-generated (de)serialisation of the timings wire format.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OriginTimingsPage))]
public sealed partial class OriginTimingsJsonContext : JsonSerializerContext
{
}
