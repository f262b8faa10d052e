namespace CorsLab.Results;

/// <summary>
/// One joined request's time line: each instant in µs from the client's send, on the one clock client and origin
/// share. The origin's instants are taken when its writes complete and the client's when its reads do, so an
/// instant can precede one it causes by a few µs; a reader that draws them clamps, it does not reorder.
/// </summary>
/// <param name="OriginHeadIn">The request head reached the origin: the end of the way in.</param>
/// <param name="OriginFirstByteOut">The origin wrote the first response-body byte (its response head when there is no body).</param>
/// <param name="OriginLastByteOut">The origin wrote the last response-body byte (its response head when there is no body).</param>
/// <param name="ClientFirstByte">The client read the first response-body byte (the head when there is no body).</param>
/// <param name="ClientLastByte">The client read the last response byte: the request's whole time, send to last byte.</param>
public sealed record RequestWaterfall(
    double OriginHeadIn,
    double OriginFirstByteOut,
    double OriginLastByteOut,
    double ClientFirstByte,
    double ClientLastByte);
