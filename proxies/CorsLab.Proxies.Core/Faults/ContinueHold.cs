using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CorsLab.Proxies.Core.Faults;

/// <summary>
/// Fault hold-continue in the Kestrel engines: Kestrel answers <c>Expect: 100-continue</c> when the body is first
/// read, and only while the request still says so; with the header gone no <c>100 Continue</c> is ever sent, so the
/// client sits out its own continue timeout before sending the body, as behind a gateway that waits for an
/// upstream's <c>100</c> it never relays.
/// </summary>
public static class ContinueHold
{
    public static void Apply(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(HeaderNames.Expect);
    }
}
