using System.Net;
using CorsLab.Proxies.Core.Faults;

namespace CorsLab.Proxies.Core.Tests;

/// <summary>The white-box faults' handler around the Kestrel engines' upstream call, checked on its own.</summary>
public sealed class WhiteBoxFaultHandlerTests
{
    [Fact]
    public void SyncOverAsync_BlocksTheCallingThreadUntilTheUpstreamAnswers()
    {
        var upstream = new HeldUpstream();
        using var invoker = new HttpMessageInvoker(new WhiteBoxFaultHandler(upstream, new ProxyOptions { Faults = Fault.SyncOverAsync }));
        Task<HttpResponseMessage>? sent = null;
        var caller = new Thread(() => sent = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/"), CancellationToken.None));

        caller.Start();
        Assert.True(upstream.Called.Wait(TimeSpan.FromSeconds(20)), "the upstream was never called");
        Assert.False(caller.Join(TimeSpan.FromMilliseconds(200)), "SendAsync returned to its caller before the upstream answered");
        upstream.Answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));

        Assert.True(caller.Join(TimeSpan.FromSeconds(20)), "the caller stayed blocked after the upstream answered");
        Assert.True(sent!.IsCompletedSuccessfully);
    }

    [Fact]
    public void Clean_ReturnsToTheCallerWhileTheUpstreamWaits()
    {
        var upstream = new HeldUpstream();
        using var invoker = new HttpMessageInvoker(new WhiteBoxFaultHandler(upstream, new ProxyOptions { Faults = Fault.DnsPerRequest }));

        var sent = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/"), CancellationToken.None);

        Assert.True(upstream.Called.Wait(TimeSpan.FromSeconds(20)), "the upstream was never called");
        Assert.False(sent.IsCompleted);
        upstream.Answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task DnsPerRequest_FailsAnUnknownNameAsALookupFailure_BeforeTheUpstream()
    {
        var upstream = new HeldUpstream();
        using var invoker = new HttpMessageInvoker(new WhiteBoxFaultHandler(upstream, new ProxyOptions { Faults = Fault.DnsPerRequest }));

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://corslab-no-such-host.invalid/"), CancellationToken.None));

        Assert.Equal(HttpRequestError.NameResolutionError, error.HttpRequestError);
        Assert.False(upstream.Called.IsSet);
    }

    [Theory]
    [InlineData(Fault.None, false)]
    [InlineData(Fault.Nagle | Fault.BufferResponse, false)]
    [InlineData(Fault.GlobalLock, true)]
    [InlineData(Fault.AllocPerChunk | Fault.Nagle, true)]
    public void AppliesTo_OnlyTheWhiteBoxFaults(Fault faults, bool applies) =>
        Assert.Equal(applies, WhiteBoxFaultHandler.AppliesTo(new ProxyOptions { Faults = faults }));

    /// <summary>An upstream that answers when the test says so.</summary>
    private sealed class HeldUpstream : HttpMessageHandler
    {
        public ManualResetEventSlim Called { get; } = new();

        public TaskCompletionSource<HttpResponseMessage> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Called.Set();
            return Answer.Task;
        }
    }
}
