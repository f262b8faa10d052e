using CorsLab.Protocol;

namespace CorsLab.Origin.Tests;

public sealed class OriginPayloadTests
{
    [Fact]
    public void Fill_AtAnyOffset_ContinuesTheSameSequence()
    {
        var whole = new byte[3 * OriginPayload.Period];
        OriginPayload.Fill(whole, 0);

        foreach (var offset in new[] { 1L, 255, 4096, OriginPayload.Period - 1, OriginPayload.Period + 17 })
        {
            var part = new byte[70_000];
            OriginPayload.Fill(part, offset);
            Assert.Equal(whole.AsSpan((int)offset, part.Length).ToArray(), part);
            Assert.True(OriginPayload.Matches(part, offset));
        }
    }

    [Fact]
    public void Fill_RepeatsOnlyAfterThePeriod()
    {
        var bytes = new byte[OriginPayload.Period + 1024];
        OriginPayload.Fill(bytes, 0);

        Assert.Equal(bytes.AsSpan(0, 1024).ToArray(), bytes.AsSpan(OriginPayload.Period, 1024).ToArray());
        Assert.NotEqual(bytes.AsSpan(0, 1024).ToArray(), bytes.AsSpan(256, 1024).ToArray());
        Assert.NotEqual(bytes.AsSpan(0, 1024).ToArray(), bytes.AsSpan(16 * 1024, 1024).ToArray());
    }

    [Fact]
    public void Matches_ShiftedOrCorruptedData_IsFalse()
    {
        var bytes = new byte[10_000];
        OriginPayload.Fill(bytes, 100);

        Assert.False(OriginPayload.Matches(bytes, 0));
        bytes[9_999] ^= 1;
        Assert.False(OriginPayload.Matches(bytes, 100));
    }

    [Fact]
    public void Fill_IsStable()
    {
        // Clients in other processes and languages reproduce these bytes; they must never change.
        var bytes = new byte[8];
        OriginPayload.Fill(bytes, 0);

        Assert.Equal("AFF44FEC9BEAE13C", Convert.ToHexString(bytes));
    }
}
