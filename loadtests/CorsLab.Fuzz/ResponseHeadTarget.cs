using System.Buffers;
using System.Text;
using CorsLab.Proxies.Pipelines.Http;

namespace CorsLab.Fuzz;

/// <summary>
/// <see cref="ResponseHeadParser"/> and the framing judged from its head (<see cref="BodyFraming.ForResponse"/>):
/// <see cref="InvalidUpstreamResponseException"/> is the only rejection; whole and read by read must agree.
/// </summary>
internal static class ResponseHeadTarget
{
    /// <summary>Small, so the size check is reached by short inputs; the engine's default is 64 KB.</summary>
    private const int MaxHeadBytes = 1024;

    public static void Run(byte[] input)
    {
        var whole = Parse(input, Reads.Whole);
        var incremental = Parse(input, Reads.Incremental);
        FuzzFailure.Unless(whole == incremental, $"whole input: {whole}; read by read: {incremental}");
    }

    private static string Parse(byte[] input, Func<byte[], Reads.Step, long> feed)
    {
        using var head = new ResponseHead();
        head.Reset();
        var done = false;
        long consumed;
        try
        {
            consumed = feed(input, (ref SequenceReader<byte> reader) => done = ResponseHeadParser.TryParse(ref reader, head, MaxHeadBytes));
        }
        catch (InvalidUpstreamResponseException rejected)
        {
            return $"rejected {rejected.Message}";
        }

        FuzzFailure.Unless(consumed <= input.Length && head.HeadBytes <= MaxHeadBytes, "consumed more than the input or the limit");
        return done ? $"accepted after {consumed} bytes: {Describe(head)}" : $"incomplete after {consumed} bytes";
    }

    private static string Describe(ResponseHead head)
    {
        FuzzFailure.Unless(head.StatusCode is >= 100 and <= 999, $"status {head.StatusCode}");
        FuzzFailure.Unless(BodyFraming.ForResponse(head, isHeadRequest: true) == BodyFraming.None, "a body after HEAD");
        string framing;
        try
        {
            var body = BodyFraming.ForResponse(head, isHeadRequest: false);
            FuzzFailure.Unless(body.Kind != BodyKind.ContentLength || body.Length > 0, "an empty sized body");
            framing = body.ToString();
        }
        catch (InvalidUpstreamResponseException ambiguous)
        {
            framing = ambiguous.Message;
        }

        var text = new StringBuilder();
        text.Append(head.StatusCode).Append(head.IsHttp11 ? " 1.1 " : " 1.0 ").Append(Encoding.Latin1.GetString(head.Reason))
            .Append(" keep-alive=").Append(head.KeepAlive).Append(' ').Append(framing);
        for (var i = 0; i < head.Buffer.Count; i++)
        {
            text.Append(" | ").Append(Encoding.Latin1.GetString(head.Buffer.Name(i))).Append(": ").Append(Encoding.Latin1.GetString(head.Buffer.Value(i)));
        }

        return text.ToString();
    }
}
