using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsLab.Origin.Timing;

/// <summary>Source-generated (de)serialisation of the timings wire format.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OriginTimingsPage))]
internal sealed partial class OriginJsonContext : JsonSerializerContext
{
}
