using CorsLab.Results;

namespace CorsLab.Reports.Waterfalls;

/// <summary>
/// A request's instants made drawable: each clamped between the one before it and the last byte, so a few µs of
/// stamp order (the origin stamps when its write completes, the client when its read does) never draws a
/// negative segment. The segments, end to end: way in [0, <see cref="HeadIn"/>], origin
/// [<see cref="HeadIn"/>, <see cref="OriginLast"/>] (waiting until <see cref="OriginFirst"/>, then sending the
/// body), way out [<see cref="OriginLast"/>, <see cref="End"/>]; the client receives from <see cref="ClientFirst"/>.
/// </summary>
internal readonly record struct WaterfallSegments(double HeadIn, double OriginFirst, double OriginLast, double ClientFirst, double End)
{
    public static WaterfallSegments Of(RequestWaterfall request)
    {
        var end = Math.Max(0, request.ClientLastByte);
        var headIn = Math.Clamp(request.OriginHeadIn, 0, end);
        var originFirst = Math.Clamp(request.OriginFirstByteOut, headIn, end);
        var originLast = Math.Clamp(request.OriginLastByteOut, originFirst, end);
        var clientFirst = Math.Clamp(request.ClientFirstByte, headIn, end);
        return new WaterfallSegments(headIn, originFirst, originLast, clientFirst, end);
    }

    /// <summary>Origin's first byte out → client's first byte in: microseconds streaming, the body's whole time when buffered.</summary>
    public double FirstByteGap => Math.Max(0, ClientFirst - OriginFirst);
}
