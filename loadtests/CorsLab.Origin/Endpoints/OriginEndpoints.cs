using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CorsLab.Origin.Endpoints;

/// <summary>The route table; README.md documents each row.</summary>
internal static class OriginEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/bytes/{n}", GetAndHead, PayloadEndpoints.BytesAsync);
        routes.MapGet("/chunked/{n}", PayloadEndpoints.ChunkedAsync);
        routes.MapGet("/drip", PayloadEndpoints.DripAsync);
        routes.MapGet("/sse", PayloadEndpoints.ServerSentEventsAsync);
        routes.MapGet("/reset-after/{n}", PayloadEndpoints.ResetAfterAsync);
        routes.Map("/echo", ExchangeEndpoints.EchoAsync);
        routes.Map("/headers", ExchangeEndpoints.HeadersAsync);
        routes.Map("/sink", ExchangeEndpoints.SinkAsync);
        routes.MapGet("/response-headers", ExchangeEndpoints.ResponseHeadersAsync);
        routes.MapGet("/delay/{ms}", BehaviourEndpoints.DelayAsync);
        routes.MapGet("/slow-head/{ms}", BehaviourEndpoints.SlowHeadAsync);
        routes.MapGet("/status/{code}", BehaviourEndpoints.StatusAsync);
        routes.MapGet("/redirect/{n}", BehaviourEndpoints.RedirectAsync);
        routes.MapGet("/cors", BehaviourEndpoints.CorsAsync);
        routes.MapGet("/healthz", BehaviourEndpoints.HealthAsync);
        routes.MapGet("/page", PageEndpoint.HandleAsync);
    }
}
