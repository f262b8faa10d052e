using System.Globalization;
using CorsLab.Tracing.Otlp.Common;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace CorsLab.Tracing;

/// <summary>OTLP attribute values as the receiver's files write them: text, numbers in the invariant culture.</summary>
internal static class OtlpValues
{
    public const string ServiceName = "service.name";

    /// <summary>The semantic conventions' process id, which the engines put on their resource.</summary>
    public const string ProcessPid = "process.pid";

    public static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    public static string? Text(RepeatedField<KeyValue>? attributes, string key) =>
        attributes?.FirstOrDefault(a => a.Key == key) is { } found ? Text(found.Value) : null;

    public static Dictionary<string, string> Texts(RepeatedField<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => Text(a.Value));

    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(",", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(",", value.KvlistValue.Values.Select(kv => kv.Key + "=" + Text(kv.Value))) + "}",
        _ => "",
    };
}
