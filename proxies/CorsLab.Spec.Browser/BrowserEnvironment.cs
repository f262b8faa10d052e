namespace CorsLab.Spec.Browser;

/// <summary>
/// Where the browser cases run: the spec's environment (target template, origin, denied URL, case timeout) and the
/// page the browser runs them from. <paramref name="Page"/> is the base URL of a listener serving <c>GET /page</c> on an
/// origin of its own (the lab origin's page listener); null skips every case.
/// </summary>
public sealed record BrowserEnvironment(SpecEnvironment Spec, Uri? Page);
