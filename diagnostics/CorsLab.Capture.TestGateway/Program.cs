// A small gateway that is not one of the lab's engines: ASP.NET Core with one HttpClient, forwarding GET ?url= to
// the upstream and its body back. The capture tests start it and point `corslab diagnose --target … --pid` at it, to
// show that any running .NET process can be captured. Loopback only; it prints "listening URL" once it listens.
using CorsLab.Capture.TestGateway;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
using var upstream = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
app.MapGet("/healthcheck", () => "OK");
app.MapGet("/", (HttpContext context) => Forwarding.ForwardAsync(context, upstream));
await app.StartAsync();
Console.Out.WriteLine($"listening {app.Urls.First()}");
await app.WaitForShutdownAsync();
