using System.Text;
using CorsLab.Load.Engine;

namespace CorsLab.Load.Tests;

public sealed class ResponseHeadTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1024", false, 200, (int)BodyFraming.ContentLength, 1024, false)]
    [InlineData("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\nconnection: Close", false, 200, (int)BodyFraming.Chunked, -1, true)]
    [InlineData("HTTP/1.1 204 No Content", false, 204, (int)BodyFraming.None, -1, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10", true, 200, (int)BodyFraming.None, 10, false)]
    [InlineData("HTTP/1.1 200 OK", false, 200, (int)BodyFraming.UntilClose, -1, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0", false, 200, (int)BodyFraming.None, 0, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: keep-alive", false, 200, (int)BodyFraming.ContentLength, 1, false)]
    [InlineData("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 5\r\nConnection: keep-alive, Upgrade", false, 502, (int)BodyFraming.ContentLength, 5, false)]
    public void TryParse_ReadsStatusFramingAndClose(string head, bool isHead, int status, int framingValue, long length, bool close)
    {
        Assert.True(ResponseHead.TryParse(Encoding.ASCII.GetBytes(head), isHead, out var parsed));
        Assert.Equal(status, parsed.Status);
        Assert.Equal((BodyFraming)framingValue, parsed.Framing);
        Assert.Equal(length, parsed.ContentLength);
        Assert.Equal(close, parsed.Close);
    }

    [Theory]
    [InlineData("HTTP/2 200")]
    [InlineData("HTTP/1.1 2x0 OK")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 12abc")]
    public void TryParse_RejectsMalformedHeads(string head) =>
        Assert.False(ResponseHead.TryParse(Encoding.ASCII.GetBytes(head), false, out _));

    [Fact]
    public void RateSchedule_RampIssuesTheAreaUnderTheLine()
    {
        var ramp = new RateSchedule(100, 300, 1);
        Assert.Equal(200, ramp.CountAt(1), 6);
        Assert.Equal(1.0, ramp.OffsetSeconds(200), 6);
        Assert.Equal(0.0, ramp.OffsetSeconds(0), 6);
        Assert.Equal(0.5, new RateSchedule(10, 10, 5).OffsetSeconds(5), 6);
    }
}
